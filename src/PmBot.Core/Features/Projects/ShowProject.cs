using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Projects;

/// <summary><c>project show [KEY]</c>: the project card; without a key, this conversation's project.</summary>
public sealed class ShowProject : ICommandHandler
{
    public CommandSpec Spec { get; } = new("project show", Access.Anyone, [new("project", ParamKind.ProjectKey, Required: false)]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var resolved = await ProjectResolver.ResolveAsync(context.Store, context.Workspace, context.Member, context.Activity.ConversationId, command.Text("project"), cancellationToken);
        if (resolved.Project is not { } project)
            return Replies.Error(t[resolved.ErrorKey!, resolved.ErrorArgs]);
        var pm = await context.Store.GetMemberAsync(project.PmMemberId, cancellationToken);
        var members = await context.Store.ListMembershipsAsync(project.Id, cancellationToken);
        return BotReply.Of(ProjectCard.Build(t, project, pm, members.Count));
    }
}

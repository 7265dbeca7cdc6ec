using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Projects;

/// <summary><c>project use KEY</c>: makes KEY the default project of this conversation for later commands.</summary>
public sealed class UseProject : ICommandHandler
{
    public CommandSpec Spec { get; } = new("project use", Access.Anyone, [new("project", ParamKind.ProjectKey)]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var key = command.Text("project")!;
        var project = await context.Store.FindProjectAsync(context.Workspace.Id, key, cancellationToken);
        if (project is null)
            return Replies.Error(t["error.project_not_found", key]);
        var binding = await context.Store.FindConversationProjectAsync(context.Workspace.Id, context.Activity.ConversationId, cancellationToken);
        if (binding is null)
            context.Store.Add(new ConversationProject { WorkspaceId = context.Workspace.Id, ConversationId = context.Activity.ConversationId, ProjectId = project.Id });
        else
            binding.ProjectId = project.Id;
        return BotReply.Of(new MessageBuilder()
            .Text("✅ " + t["project.now_default", project.Key, project.Name])
            .Actions(new ActionButton(t["button.show_project"], $"project show {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }
}

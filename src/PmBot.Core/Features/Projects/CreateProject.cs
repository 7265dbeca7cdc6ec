using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Projects;

/// <summary>
/// <c>project create "&lt;name&gt;" [key KEY] [start DATE] [finish DATE]</c>: creates a project in Planning with
/// the caller as its PM. Without a key one is derived from the name (APOLLO, then APOLLO2, … if taken).
/// </summary>
public sealed class CreateProject : ICommandHandler
{
    private const int MaxKeyAttempts = 20;

    public CommandSpec Spec { get; } = new("project create", Access.Anyone,
    [
        new("name", ParamKind.Text),
        new("key", ParamKind.ProjectKey, Required: false, Keyword: "key"),
        new("start", ParamKind.Date, Required: false, Keyword: "start"),
        new("finish", ParamKind.Date, Required: false, Keyword: "finish"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var name = command.Text("name")!.Trim();
        if (name.Length == 0 || name.Length > Project.MaxNameLength)
            return Replies.Error(t["project.bad_name", Project.MaxNameLength]);
        var start = command.Date("start");
        var finish = command.Date("finish");
        if (start is not null && finish is not null && finish < start)
            return Replies.Error(t["project.finish_before_start", t.Date(finish), t.Date(start)]);

        var key = command.Text("key");
        if (key is not null)
        {
            if (await context.Store.FindProjectAsync(context.Workspace.Id, key, cancellationToken) is { } taken)
                return Replies.Error(t["project.key_taken", key, taken.Name]);
        }
        else
        {
            var stem = ProjectKeys.Suggest(name);
            for (var n = 1; n <= MaxKeyAttempts && key is null; n++)
            {
                var candidate = n == 1 ? stem : ProjectKeys.Alternative(stem, n);
                if (await context.Store.FindProjectAsync(context.Workspace.Id, candidate, cancellationToken) is null)
                    key = candidate;
            }
            if (key is null)
                return Replies.Error(t["project.key_taken", stem, stem]);
        }

        var project = new Project
        {
            WorkspaceId = context.Workspace.Id,
            Key = key,
            Name = name,
            PlannedStart = start,
            PlannedFinish = finish,
            PmMemberId = context.Member.Id,
            CreatedAt = context.Now,
        };
        context.Store.Add(project);
        context.Store.Add(new ProjectMembership { ProjectId = project.Id, MemberId = context.Member.Id, Role = ProjectRole.Pm, AddedAt = context.Now });
        var headline = t["project.created", project.Key, context.Member.DisplayName];
        return BotReply.Of(ProjectCard.Build(t, project, context.Member, 1, headline), ReplyVisibility.Conversation);
    }
}

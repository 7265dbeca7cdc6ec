using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Projects;

/// <summary><c>project list</c>: the workspace's projects, the member's own role in each, and which one this conversation uses.</summary>
public sealed class ListProjects : ICommandHandler
{
    private const int MaxButtons = 5;

    public CommandSpec Spec { get; } = new("project list", Access.Anyone, []);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var projects = await context.Store.ListProjectsAsync(context.Workspace.Id, cancellationToken);
        if (projects.Count == 0)
        {
            return BotReply.Of(new MessageBuilder()
                .Text(t["project.none_yet"])
                .Actions(new ActionButton(t["button.create_project"], "project create", ButtonStyle.Primary))
                .Build());
        }
        var mine = (await context.Store.ListMembershipsOfMemberAsync(context.Member.Id, cancellationToken)).ToDictionary(m => m.ProjectId, m => m.Role);
        var here = await context.Store.FindConversationProjectAsync(context.Workspace.Id, context.Activity.ConversationId, cancellationToken);
        var members = (await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken)).ToDictionary(m => m.Id);
        var rows = projects.Select(p => (IReadOnlyList<string>)
        [
            p.Id == here?.ProjectId ? p.Key + " ★" : p.Key,
            p.Name,
            t.Status(p.Status),
            members.TryGetValue(p.PmMemberId, out var pm) ? pm.DisplayName : t["common.none"],
            mine.TryGetValue(p.Id, out var role) ? t.Role(role) : t["role.none"],
            t.Date(p.PlannedFinish),
        ]).ToList();
        return BotReply.Of(new MessageBuilder()
            .Heading(t["project.list_title", projects.Count])
            .Table([t["field.key"], t["field.name"], t["field.status"], t["field.pm"], t["field.my_role"], t["field.finish"]], rows)
            .Context(here is null ? t["project.list_hint"] : t["project.list_hint_default"])
            .Actions(projects.Take(MaxButtons).Select(p => new ActionButton(p.Key, $"project show {p.Key}")).ToArray())
            .Fallback(t["project.list_title", projects.Count])
            .Build());
    }
}

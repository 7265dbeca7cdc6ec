using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Plan;

/// <summary><c>task list [project KEY]</c>: the work breakdown structure with outline codes, durations, owners and links.</summary>
public sealed class ListTasks : ICommandHandler
{
    public CommandSpec Spec { get; } = new("task list", Access.ProjectStakeholder,
        [new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        if (wbs.Items.Count == 0)
        {
            return BotReply.Of(new MessageBuilder()
                .Text(t["task.none_yet", project.Key])
                .Context(t["task.add_hint"])
                .Build());
        }
        var links = await context.Store.ListWorkItemLinksAsync(project.Id, cancellationToken);
        var people = (await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken)).ToDictionary(m => m.Id, m => m.DisplayName);
        var rows = wbs.InOutlineOrder.Select(item => (IReadOnlyList<string>)
        [
            wbs.Outline[item.Id],
            wbs.ShortId(item),
            new string(' ', 2 * (wbs.Outline[item.Id].Count(c => c == '.'))) + item.Name,
            wbs.HasChildren(item) ? "" : item.DurationDays.ToString(t.Culture),
            item.OwnerMemberId is { } owner && people.TryGetValue(owner, out var name) ? name : "",
            string.Join(", ", links.Where(l => l.SuccessorId == item.Id).Select(l => wbs.Get(l.PredecessorId)).OrderBy(p => wbs.Outline[p.Id], Planning.OutlineCode.Comparer).Select(wbs.ShortId)),
            wbs.HasChildren(item) ? "" : $"{t["task.status." + item.Status.ToString().ToLowerInvariant()]} {item.PercentComplete}%",
        ]).ToList();
        return BotReply.Of(new MessageBuilder()
            .Heading(t["task.list_title", project.Key, wbs.Items.Count])
            .Table([t["field.wbs"], t["field.id"], t["field.name"], t["field.days"], t["field.owner"], t["field.after"], t["field.progress"]], rows)
            .Actions(new ActionButton(t["button.schedule"], $"plan schedule project {project.Key}", ButtonStyle.Primary))
            .Fallback(t["task.list_title", project.Key, wbs.Items.Count])
            .Build());
    }
}

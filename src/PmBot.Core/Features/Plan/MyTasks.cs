using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>my tasks</c>: the open tasks I own in every project, with their scheduled dates, ordered late first, then due
/// this week, then starting this week, then later; buttons to report progress on the most urgent ones.
/// </summary>
public sealed class MyTasks : ICommandHandler
{
    private const int MaxButtons = 3;

    private enum Urgency
    {
        Late,
        Due,
        Next,
        Later,
    }

    public CommandSpec Spec { get; } = new("my tasks", Access.Anyone, []);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var today = context.Today;
        var mine = new List<(Project Project, WorkItem Item, ScheduledActivity? Dates, Urgency Urgency)>();
        foreach (var membership in await context.Store.ListMembershipsOfMemberAsync(context.Member.Id, cancellationToken))
        {
            if (await context.Store.GetProjectAsync(membership.ProjectId, cancellationToken) is not { } project)
                continue;
            var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
            var open = wbs.Items.Where(i => i.OwnerMemberId == context.Member.Id && i.Status != WorkItemStatus.Done && !wbs.HasChildren(i)).ToList();
            if (open.Count == 0)
                continue;
            var schedule = await ScheduleOf.ProjectAsync(context.Store, wbs, today, cancellationToken);
            foreach (var item in open)
            {
                var dates = schedule?.Find(wbs.ShortId(item));
                var urgency = dates is null ? Urgency.Later
                    : dates.EarlyFinish < today ? Urgency.Late
                    : dates.EarlyFinish <= today.AddDays(7) ? Urgency.Due
                    : dates.EarlyStart <= today.AddDays(7) ? Urgency.Next
                    : Urgency.Later;
                mine.Add((project, item, dates, urgency));
            }
        }
        if (mine.Count == 0)
            return BotReply.Of(new MessageBuilder().Text(t["mytasks.none"]).Build());

        var ordered = mine.OrderBy(m => m.Urgency).ThenBy(m => m.Dates?.EarlyFinish ?? DateOnly.MaxValue).ToList();
        var rows = ordered.Select(m => (IReadOnlyList<string>)
        [
            m.Item.ShortId(m.Project.Key),
            m.Item.Name,
            t.Date(m.Dates?.EarlyStart),
            t.Date(m.Dates?.EarlyFinish),
            $"{t["task.status." + m.Item.Status.ToString().ToLowerInvariant()]} {m.Item.PercentComplete}%",
            t["mytasks." + m.Urgency.ToString().ToLowerInvariant()],
        ]).ToList();
        var buttons = ordered.Take(MaxButtons).Select(m =>
        {
            var id = m.Item.ShortId(m.Project.Key);
            return m.Item.Status == WorkItemStatus.NotStarted
                ? new ActionButton(t["mytasks.start", id], $"task start {id}")
                : new ActionButton(t["mytasks.done", id], $"task done {id}", ButtonStyle.Primary);
        }).ToArray();
        return BotReply.Of(new MessageBuilder()
            .Heading(t["mytasks.title", mine.Count])
            .Table([t["field.id"], t["field.name"], t["plan.early_start"], t["plan.early_finish"], t["field.progress"], t["mytasks.when"]], rows)
            .Context(t["mytasks.hint"])
            .Actions(buttons)
            .Fallback(t["mytasks.title", mine.Count])
            .Build());
    }
}

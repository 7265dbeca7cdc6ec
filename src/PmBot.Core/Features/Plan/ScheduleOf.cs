using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Planning;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Plan;

/// <summary>Runs the critical path method over a project's tasks (the WBS leaves) as stored.</summary>
public static class ScheduleOf
{
    /// <summary>The schedule from the planned start (or <paramref name="today"/>); null when the links cannot be scheduled.</summary>
    public static async Task<ScheduleResult?> ProjectAsync(IPmStore store, Wbs wbs, DateOnly today, CancellationToken cancellationToken) =>
        Project(wbs, await store.ListWorkItemLinksAsync(wbs.Project.Id, cancellationToken), today);

    /// <summary>The schedule of <paramref name="wbs"/>'s tasks with these links; null when they cannot be scheduled.</summary>
    public static ScheduleResult? Project(Wbs wbs, IReadOnlyList<WorkItemLink> links, DateOnly today)
    {
        var tasks = wbs.Items.Where(i => !wbs.HasChildren(i)).ToList();
        var result = CpmScheduler.Schedule(new ScheduleInput(
            wbs.Project.PlannedStart ?? today,
            tasks.Select(i => new PlannedActivity(wbs.ShortId(i), i.DurationDays) { Name = i.Name }).ToList(),
            links.Select(l => new Dependency(wbs.ShortId(wbs.Get(l.PredecessorId)), wbs.ShortId(wbs.Get(l.SuccessorId)), l.Type, l.LagDays)).ToList()));
        return result.Succeeded ? result : null;
    }

    /// <summary>
    /// The command's project with its WBS and schedule, or the reply that explains why there is none (no tasks yet,
    /// or links that cannot be scheduled).
    /// </summary>
    public static async Task<(Wbs Wbs, ScheduleResult? Schedule, BotReply? Problem)> ForCommandAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        if (!wbs.Items.Any(i => !wbs.HasChildren(i)))
            return (wbs, null, BotReply.Of(new MessageBuilder().Text(t["task.none_yet", project.Key]).Context(t["task.add_hint"]).Build()));
        var schedule = await ProjectAsync(context.Store, wbs, context.Today, cancellationToken);
        return schedule is null ? (wbs, null, Replies.Error(t["plan.cannot_schedule", project.Key])) : (wbs, schedule, null);
    }
}

using PmBot.Core.Planning;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Plan;

/// <summary>Runs the critical path method over a project's tasks (the WBS leaves) as stored.</summary>
public static class ScheduleOf
{
    /// <summary>The schedule from the planned start (or <paramref name="today"/>); null when the links cannot be scheduled.</summary>
    public static async Task<ScheduleResult?> ProjectAsync(IPmStore store, Wbs wbs, DateOnly today, CancellationToken cancellationToken)
    {
        var tasks = wbs.Items.Where(i => !wbs.HasChildren(i)).ToList();
        var links = await store.ListWorkItemLinksAsync(wbs.Project.Id, cancellationToken);
        var result = CpmScheduler.Schedule(new ScheduleInput(
            wbs.Project.PlannedStart ?? today,
            tasks.Select(i => new PlannedActivity(wbs.ShortId(i), i.DurationDays) { Name = i.Name }).ToList(),
            links.Select(l => new Dependency(wbs.ShortId(wbs.Get(l.PredecessorId)), wbs.ShortId(wbs.Get(l.SuccessorId)), l.Type, l.LagDays)).ToList()));
        return result.Succeeded ? result : null;
    }
}

using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Planning;

namespace PmBot.Benchmarks.Planning;

/// <summary>
/// A stored project as <see cref="EvmOf.LoadAsync"/> returns it (everything but the queries): the random plan's activities
/// as tasks under parents of 50, its links, a baseline at the early dates, two time entries and one or two progress
/// reports per started task, and some cost entries. <c>plan status</c> and the digest do <see cref="EvmData.At"/>; the EVM
/// chart does <see cref="EvmData.WeeklySeries"/>.
/// </summary>
public static class EvmBenchmark
{
    /// <returns>A factory of fresh <see cref="EvmData"/> (its schedule is computed on first use, as after a load) and the status date.</returns>
    public static (Func<EvmData> Load, DateOnly Status) StoredProject(ScheduleInput plan, int seed)
    {
        var random = new Random(seed);
        var schedule = CpmScheduler.Schedule(plan);
        var status = schedule.Days!.DateOf(schedule.DurationDays / 2);
        var project = new Project { WorkspaceId = Guid.NewGuid(), Key = "BENCH", Name = "Bench", PmMemberId = Guid.NewGuid(), PlannedStart = plan.ProjectStart };
        var member = project.PmMemberId;
        var items = new List<WorkItem>();
        var byActivity = new Dictionary<string, WorkItem>(StringComparer.Ordinal);
        var baseline = new PlanBaseline { ProjectId = project.Id, Number = 1, CreatedByMemberId = member, IsCurrent = true };
        var baselineItems = new List<PlanBaselineItem>();
        var time = new List<TimeEntry>();
        var costs = new List<CostEntry>();
        var snapshots = new List<ProgressSnapshot>();
        WorkItem? parent = null;
        var number = 0;
        foreach (var a in schedule.Activities)
        {
            if (byActivity.Count % 50 == 0)
            {
                parent = new WorkItem { ProjectId = project.Id, Number = ++number, Name = "Phase " + number };
                items.Add(parent);
            }
            var task = new WorkItem { ProjectId = project.Id, Number = ++number, Name = a.Id, ParentId = parent!.Id, DurationDays = a.DurationDays, EffortHours = a.DurationDays * 8 };
            items.Add(task);
            byActivity[a.Id] = task;
            var cost = random.Next(1, 100) * 100m;
            baselineItems.Add(new PlanBaselineItem { BaselineId = baseline.Id, WorkItemId = task.Id, Start = a.EarlyStart, Finish = a.EarlyFinish, DurationDays = a.DurationDays, PlannedCost = cost });
            if (a.EarlyStart > status)
                continue;
            var percent = a.EarlyFinish <= status ? 100 : random.Next(0, 100);
            task.ReportProgress(percent, a.EarlyStart);
            snapshots.Add(new ProgressSnapshot { ProjectId = project.Id, WorkItemId = task.Id, Date = a.EarlyStart, PercentComplete = percent / 2 });
            if (a.EarlyFinish > a.EarlyStart)
                snapshots.Add(new ProgressSnapshot { ProjectId = project.Id, WorkItemId = task.Id, Date = a.EarlyFinish, PercentComplete = percent });
            for (var k = 0; k < 2; k++)
                time.Add(new TimeEntry { ProjectId = project.Id, WorkItemId = task.Id, MemberId = member, Date = a.EarlyStart.AddDays(k), Hours = 4, Rate = 80, Cost = 320 });
            if (random.Next(10) == 0)
                costs.Add(new CostEntry { ProjectId = project.Id, WorkItemId = task.Id, Amount = 250, Description = "x", Category = "other", Date = a.EarlyStart, RecordedByMemberId = member });
        }
        var links = plan.Dependencies.Select(d => new WorkItemLink
        {
            ProjectId = project.Id,
            PredecessorId = byActivity[d.PredecessorId].Id,
            SuccessorId = byActivity[d.SuccessorId].Id,
            Type = d.Type,
            LagDays = d.LagDays,
        }).ToList();
        return (() => new EvmData(new Wbs(project, items), links, baseline, baselineItems, time, costs, snapshots, status), status);
    }
}

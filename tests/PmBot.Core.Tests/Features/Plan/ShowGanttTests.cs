using PmBot.Core.Charts;
using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Features.Plan;

public class ShowGanttTests
{
    private static readonly Guid ProjectId = Guid.NewGuid();
    private static readonly DateOnly Monday = new(2027, 1, 4);

    private static WorkItem Item(int number, string name, int days, WorkItem? parent = null) =>
        new() { ProjectId = ProjectId, Number = number, Name = name, DurationDays = days, ParentId = parent?.Id };

    // 1 Build (parent) → 1.1 Design 3 d → 1.2 Code 5 d; 2 Docs 2 d in parallel; 3 Launch (milestone) after Code and Docs.
    private static (Wbs Wbs, ScheduleResult Schedule, WorkItem[] Items) Plan()
    {
        var build = Item(1, "Build", 0);
        var design = Item(2, "Design", 3, build);
        var code = Item(3, "Code", 5, build);
        var docs = Item(4, "Docs", 2);
        var launch = Item(5, "Launch", 0);
        design.ReportProgress(100, Monday.AddDays(2));
        var project = new Project { WorkspaceId = Guid.NewGuid(), Key = "APOLLO", Name = "Apollo", PmMemberId = Guid.NewGuid(), PlannedStart = Monday };
        var wbs = new Wbs(project, [build, design, code, docs, launch]);
        var schedule = CpmScheduler.Schedule(new ScheduleInput(Monday,
            [new PlannedActivity("APOLLO-2", 3), new PlannedActivity("APOLLO-3", 5), new PlannedActivity("APOLLO-4", 2), new PlannedActivity("APOLLO-5", 0)],
            [new Dependency("APOLLO-2", "APOLLO-3", DependencyType.FinishToStart, 0), new Dependency("APOLLO-3", "APOLLO-5", DependencyType.FinishToStart, 0),
             new Dependency("APOLLO-4", "APOLLO-5", DependencyType.FinishToStart, 0)]));
        return (wbs, schedule, [build, design, code, docs, launch]);
    }

    [Fact]
    public void Rows_SmallPlan_OutlineOrderWithSummaryCriticalAndMilestone()
    {
        var (wbs, schedule, _) = Plan();

        var rows = ShowGantt.Rows(wbs, schedule, new Dictionary<Guid, PlanBaselineItem>());

        Assert.Equal(["1 Build", "1.1 Design", "1.2 Code", "2 Docs", "3 Launch"], rows.Select(r => r.Label));
        Assert.Equal([GanttRowKind.Summary, GanttRowKind.Task, GanttRowKind.Task, GanttRowKind.Task, GanttRowKind.Milestone], rows.Select(r => r.Kind));
        Assert.Equal((Monday, Monday.AddDays(9)), (rows[0].Start, rows[0].Finish));
        Assert.Equal([false, true, true, false, true], rows.Select(r => r.IsCritical));
        Assert.Equal(100, rows[1].PercentComplete);
        Assert.All(rows, r => Assert.Null(r.BaselineStart));
    }

    [Fact]
    public void Rows_WithABaseline_CarryTheBaselinedDates()
    {
        var (wbs, schedule, items) = Plan();
        var baseline = Guid.NewGuid();
        var planned = new Dictionary<Guid, PlanBaselineItem>
        {
            [items[2].Id] = new() { BaselineId = baseline, WorkItemId = items[2].Id, Start = Monday.AddDays(3), Finish = Monday.AddDays(7), DurationDays = 3 },
        };

        var rows = ShowGantt.Rows(wbs, schedule, planned);

        var code = rows.Single(r => r.Label == "1.2 Code");
        Assert.Equal((Monday.AddDays(3), Monday.AddDays(7)), (code.BaselineStart, code.BaselineFinish));
        Assert.Null(rows.Single(r => r.Label == "2 Docs").BaselineStart);
    }
}

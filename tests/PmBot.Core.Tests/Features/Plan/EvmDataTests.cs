using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Localization;
using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Features.Plan;

public class EvmDataTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    // A stored project as EvmData sees it (Mon-Fri; baseline #1 from Monday 2 March 2026; BAC 10,000):
    //   1   Design (parent)          a cost entry of 500 on 5 Mar
    //   1.1 APOLLO-2 "Spec"   2-6 Mar   (5 d) 4,000  progress 50% on 4 Mar, 100% on 6 Mar; hours 2,000 (2 Mar) + 2,400 (5 Mar)
    //   1.2 APOLLO-3 "API"    9-13 Mar  (5 d) 2,000  after APOLLO-2; progress 30% on 10 Mar; hours 200 (9 Mar)
    //   2   APOLLO-4 "Docs"   2-11 Mar  (8 d) 4,000  progress 40% on 6 Mar; hours 1,000 (4 Mar) + 800 (6 Mar)
    //   on no task: 100 on 3 Mar; 999 on 12 Mar (after the status date)
    // Status Monday 9 March (6th working day):
    //   PV: 4,000 + 2,000 × 1/5 + 4,000 × 6/8 = 4,000 + 400 + 3,000 = 7,400
    //   EV: 4,000 × 100% + 2,000 × 0% (its 30% is dated 10 Mar) + 4,000 × 40% = 5,600
    //   AC: 4,400 + 200 + 1,800 + 500 (on Design) + 100 (no task) = 7,000
    //   SV -1,800; CV -1,400; SPI 5,600 / 7,400 = 0.757; CPI 0.8; EAC(CPI) 12,500; ETC 5,500; VAC -2,500;
    //   EAC(CPI×SPI) = 7,000 + 4,400 × 7,000 × 7,400 / 5,600² = 14,267.86; TCPI 4,400 / 3,000 = 1.467.
    //   Earned schedule: PV per working day 1,300 (days 1-5), 900 (days 6-8) …; 5,200 after day 4, 6,500 after day 5
    //   → ES = 4 + 400 / 1,300 = 4.31; AT = 6 → 1.69 working days behind.
    //   Branches: 1 = BAC 6,000, PV 4,400, EV 4,000, AC 5,100 (CV -1,100: the worst); 2 = PV 3,000, EV 1,600 (SV -1,400: the worst).
    internal static EvmData Example(DateOnly? today = null, WorkCalendar? calendar = null)
    {
        var project = new Project { WorkspaceId = Guid.NewGuid(), Key = "APOLLO", Name = "Apollo", PmMemberId = Guid.NewGuid(), PlannedStart = D(3, 2) };
        WorkItem Item(int number, string name, int days, WorkItem? parent = null) =>
            new() { ProjectId = project.Id, Number = number, Name = name, DurationDays = days, ParentId = parent?.Id };
        var design = Item(1, "Design", 0);
        var spec = Item(2, "Spec", 5, design);
        var api = Item(3, "API", 5, design);
        var docs = Item(4, "Docs", 8);
        spec.ReportProgress(100, D(3, 6));
        api.ReportProgress(30, D(3, 10));
        docs.ReportProgress(40, D(3, 6));
        var wbs = new Wbs(project, [design, spec, api, docs]);
        var baseline = new PlanBaseline { ProjectId = project.Id, Number = 1, CreatedByMemberId = project.PmMemberId, IsCurrent = true };
        PlanBaselineItem Baselined(WorkItem item, DateOnly start, DateOnly finish, decimal cost) =>
            new() { BaselineId = baseline.Id, WorkItemId = item.Id, Start = start, Finish = finish, DurationDays = item.DurationDays, PlannedCost = cost };
        var member = Guid.NewGuid();
        TimeEntry Hours(WorkItem item, DateOnly date, decimal cost) =>
            new() { ProjectId = project.Id, WorkItemId = item.Id, MemberId = member, Date = date, Hours = cost / 100, Rate = 100, Cost = cost };
        CostEntry Cost(WorkItem? item, DateOnly date, decimal amount) =>
            new() { ProjectId = project.Id, WorkItemId = item?.Id, Date = date, Amount = amount, Description = "x", Category = "other", RecordedByMemberId = member };
        ProgressSnapshot Progress(WorkItem item, DateOnly date, int percent) =>
            new() { ProjectId = project.Id, WorkItemId = item.Id, Date = date, PercentComplete = percent };
        List<WorkItemLink> links = [new WorkItemLink { ProjectId = project.Id, PredecessorId = spec.Id, SuccessorId = api.Id, Type = DependencyType.FinishToStart }];
        return new EvmData(
            wbs,
            links,
            baseline,
            [Baselined(spec, D(3, 2), D(3, 6), 4000), Baselined(api, D(3, 9), D(3, 13), 2000), Baselined(docs, D(3, 2), D(3, 11), 4000)],
            [Hours(spec, D(3, 2), 2000), Hours(spec, D(3, 5), 2400), Hours(api, D(3, 9), 200), Hours(docs, D(3, 4), 1000), Hours(docs, D(3, 6), 800)],
            [Cost(design, D(3, 5), 500), Cost(null, D(3, 3), 100), Cost(null, D(3, 12), 999)],
            [Progress(spec, D(3, 4), 50), Progress(spec, D(3, 6), 100), Progress(api, D(3, 10), 30), Progress(docs, D(3, 6), 40)],
            today ?? D(3, 20),
            calendar is null ? null : ScheduleOf.Compute(wbs, links, today ?? D(3, 20), calendar));
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(3, 6)]
    [InlineData(3, 9)]
    [InlineData(3, 20)]
    public void ProjectAt_WorkedExample_SameProjectFiguresAsAt(int month, int day)
    {
        var data = Example();
        var full = data.At(D(month, day));

        var project = data.ProjectAt(D(month, day));

        Assert.Equal(full.Report.Project, project.Report.Project);
        Assert.Equal(full.Report.Schedule, project.Report.Schedule);
        Assert.Equal(full.Reading with { WorstBranchByCv = null, WorstBranchBySv = null }, project.Reading);
        Assert.Empty(project.Report.Branches);
        Assert.Null(project.Deviation);
    }

    [Fact]
    public void At_HolidayInTheBaseline_PvSpreadOverTheScheduleCalendar()
    {
        // Tuesday 10 March is a holiday: Docs (2-11 Mar) has 7 working days, API (9-13 Mar) 4. On Monday 9 March:
        // PV = 4,000 + 2,000 × 1/4 + 4,000 × 6/7 = 4,000 + 500 + 3,428.57 = 7,928.57 (7,400 on Monday to Friday).
        var data = Example(calendar: new WorkCalendar(holidays: [D(3, 10)]));

        Assert.Equal(7928.57m, Math.Round(data.At(D(3, 9)).Report.Project.Pv, 2));
        Assert.Equal(7928.57m, data.WeeklySeries(D(3, 9)).Single(p => p.Date == D(3, 9)).Pv);
    }

    [Fact]
    public void Schedule_GivenToTheConstructor_UsedAsIs()
    {
        var data = Example();
        var schedule = ScheduleOf.Compute(data.Wbs, data.Links, data.Today)!;

        var shared = new EvmData(data.Wbs, data.Links, data.Baseline, data.BaselineItems, data.TimeEntries, data.CostEntries, [], data.Today, schedule);

        Assert.Same(schedule, shared.Schedule);
    }

    [Fact]
    public void At_CostOnAParent_SpansTheTasksUnderIt()
    {
        var design = Example().At(D(3, 9)).Input.Items.Single(i => i.Id == "APOLLO-1");

        Assert.Equal((D(3, 2), D(3, 13), 0m, 500m), (design.BaselineStart, design.BaselineFinish, design.Budget, design.ActualCost));
    }

    [Fact]
    public void At_WorkedExample_ProjectFiguresMatchTheHandCalculation()
    {
        var p = Example().At(D(3, 9)).Report.Project;

        Assert.Equal((10000m, 7400m, 5600m, 7000m), (p.Bac, p.Pv, p.Ev, p.Ac));
        Assert.Equal((-1800m, -1400m), (p.Sv, p.Cv));
        Assert.Equal(0.757m, Math.Round(p.Spi!.Value, 3));
        Assert.Equal(0.8m, p.Cpi);
        Assert.Equal(12500m, p.EacAtCpi);
        Assert.Equal(5500m, p.Etc);
        Assert.Equal(-2500m, p.Vac);
        Assert.Equal(14267.86m, Math.Round(p.EacAtCpiSpi!.Value, 2));
        Assert.Equal(1.467m, Math.Round(p.Tcpi!.Value, 3));
    }

    [Fact]
    public void At_WorkedExample_BranchesCarryTheCostsOnTheirParent()
    {
        var report = Example().At(D(3, 9)).Report;

        var one = report.Branches.Single(b => b.OutlineCode == "1").Metrics;
        var two = report.Branches.Single(b => b.OutlineCode == "2").Metrics;
        Assert.Equal((6000m, 4400m, 4000m, 5100m), (one.Bac, one.Pv, one.Ev, one.Ac));
        Assert.Equal((4000m, 3000m, 1600m, 1800m), (two.Bac, two.Pv, two.Ev, two.Ac));
        Assert.Equal(100m, report.Items.Single(i => i.Id == EvmData.ProjectLevelId).Metrics.Ac);
    }

    [Fact]
    public void At_WorkedExample_ReadingNamesTheWorstBranches()
    {
        var status = Example().At(D(3, 9));

        Assert.Equal(1.69m, status.Reading.DaysBehind);
        Assert.Equal(25m, status.Reading.PercentOverBudget);
        Assert.Equal("2", status.Reading.WorstBranchBySv!.OutlineCode);
        Assert.Equal("1", status.Reading.WorstBranchByCv!.OutlineCode);
        Assert.Equal(
            "1.7 working days behind (mostly in 2 Docs), 25% over budget (mostly in 1 Design).",
            EvmText.Reading(Localizer.English, Example(), status));
    }

    [Fact]
    public void At_WorkedExample_DeviationActionsNameTasksOnly()
    {
        var deviation = Example().At(D(3, 9)).Deviation!;

        // APOLLO-3 is critical, started (hours logged) and has earned nothing of its planned 400: behind plan.
        var cause = Assert.Single(deviation.SlipCauses);
        Assert.Equal(("APOLLO-3", SlipReason.BehindPlan, -400m), (cause.Id, cause.Reasons, cause.ScheduleVariance));
        // Overruns list every item over budget, the cost on Design and on no task included …
        Assert.Equal(["*", "APOLLO-1", "APOLLO-2", "APOLLO-3", "APOLLO-4"], deviation.CostOverruns.Select(o => o.Id).Order(StringComparer.Ordinal));
        // … but corrective actions name tasks only: crash the late critical task, re-assign those with CPI < 0.9.
        Assert.Equal(
            [(CorrectiveActionCode.Crash, "APOLLO-3"), (CorrectiveActionCode.Reassign, "APOLLO-3, APOLLO-4")],
            deviation.Actions.Select(a => (a.Code, string.Join(", ", a.ItemIds))));
    }

    [Fact]
    public void At_DateBeforeAnyReport_CountsNoProgress()
    {
        var status = Example().At(D(3, 3));
        var p = status.Report.Project;

        // 3 Mar: PV = 4,000 × 2/5 + 4,000 × 2/8 = 2,600; nothing reported yet; AC = 2,000 (Spec, 2 Mar) + 100 (no task).
        Assert.Equal((2600m, 0m, 2100m), (p.Pv, p.Ev, p.Ac));
    }

    [Fact]
    public void InputAt_RemainingHours_BecomeRemainingWorkingDaysRoundedUp()
    {
        var data = Example();
        var docs = data.Tasks.Single(t => t.Name == "Docs");
        var snapshots = new ProgressSnapshot { ProjectId = docs.ProjectId, WorkItemId = docs.Id, Date = D(3, 9), PercentComplete = 40, RemainingHours = 20 };
        var withEstimate = new EvmData(data.Wbs, data.Links, data.Baseline, data.BaselineItems, data.TimeEntries, data.CostEntries, [snapshots], D(3, 20));

        var item = withEstimate.InputAt(D(3, 9)).Items.Single(i => i.Id == "APOLLO-4");

        Assert.Equal(3, item.RemainingDays); // 20 h / 8 = 2.5 → 3 working days
        Assert.Null(withEstimate.InputAt(D(3, 6)).Items.Single(i => i.Id == "APOLLO-4").RemainingDays);
    }

    [Fact]
    public void WeeklySeries_ToTheStatusDate_OnePointAWeekAndTheStatusDate()
    {
        var series = Example().WeeklySeries(D(3, 9));

        // 1 Mar: before the start. 8 Mar (end of week 1): PV 4,000 + 4,000 × 5/8 = 6,500; EV 5,600; AC 4,400 + 1,800 + 500 + 100.
        Assert.Equal(
            [new EvPoint(D(3, 1), 0, 0, 0), new EvPoint(D(3, 8), 6500, 5600, 6800), new EvPoint(D(3, 9), 7400, 5600, 7000)],
            series);
    }

    [Fact]
    public void WeeklySeries_ThroughTheBaselineFinish_PlannedValueOnlyAfterTheStatusDate()
    {
        var series = Example().WeeklySeries(D(3, 9), planThroughFinish: true);

        Assert.Equal([D(3, 1), D(3, 8), D(3, 9), D(3, 13)], series.Select(p => p.Date));
        Assert.Equal(new EvPoint(D(3, 13), 10000, null, null), series[^1]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(20)]
    public void WeeklySeries_EveryPoint_IsWhatAtGivesForItsDate(int statusDay)
    {
        var data = Example();
        static decimal Cents(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);

        foreach (var point in data.WeeklySeries(D(3, statusDay), planThroughFinish: true))
        {
            var p = data.At(point.Date).Report.Project;
            Assert.Equal(Cents(p.Pv), point.Pv);
            if (point.Date <= D(3, statusDay))
                Assert.Equal((Cents(p.Ev), Cents(p.Ac)), (point.Ev!.Value, point.Ac!.Value));
            else
                Assert.Equal((null, null), (point.Ev, point.Ac));
        }
    }

    [Fact]
    public void Problem_WithoutBaseline_IsNoBaselineAndHasNoSeries()
    {
        var data = Example();
        var unbaselined = new EvmData(data.Wbs, data.Links, null, [], data.TimeEntries, data.CostEntries, [], D(3, 20));

        Assert.Equal(EvmProblem.NoBaseline, unbaselined.Problem);
        Assert.Empty(unbaselined.WeeklySeries(D(3, 9)));
        Assert.Equal(EvmProblem.None, data.Problem);
    }

    [Fact]
    public void InputAt_TaskAddedAfterTheBaseline_HasNoBudgetButItsCosts()
    {
        var data = Example();
        var late = new WorkItem { ProjectId = data.Project.Id, Number = 5, Name = "Extra", DurationDays = 2 };
        var wbs = new Wbs(data.Project, [.. data.Wbs.Items, late]);
        var cost = new CostEntry { ProjectId = data.Project.Id, WorkItemId = late.Id, Date = D(3, 4), Amount = 300, Description = "x", Category = "other", RecordedByMemberId = Guid.NewGuid() };
        var withExtra = new EvmData(wbs, data.Links, data.Baseline, data.BaselineItems, data.TimeEntries, [.. data.CostEntries, cost], [], D(3, 20));

        var item = withExtra.InputAt(D(3, 9)).Items.Single(i => i.Id == "APOLLO-5");

        Assert.Equal((0m, 300m), (item.Budget, item.ActualCost));
        Assert.Equal("3", item.OutlineCode);
    }
}

using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Planning;

public class DeviationAnalysisTests
{
    // The worked EV example scheduled as Design → Build → Test (critical) and Design → Docs (floating).
    private static DeviationReport Analyze()
    {
        var schedule = CpmScheduler.Schedule(new ScheduleInput(
            new DateOnly(2024, 1, 1),
            [new("design", 5), new("build", 10), new("docs", 5), new("test", 10)],
            [new("design", "build"), new("design", "docs"), new("build", "test")]));
        var input = EarnedValueTests.WorkedExample();
        return DeviationAnalysis.Analyze(schedule, input, EarnedValue.Compute(input));
    }

    [Fact]
    public void Analyze_WorkedExample_BuildCausesTheSlip()
    {
        var cause = Assert.Single(Analyze().SlipCauses);

        Assert.Equal("build", cause.Id);
        Assert.Equal(SlipReason.BehindPlan | SlipReason.UnderEstimated, cause.Reasons); // 8 days left, 5 planned
        Assert.Equal(-1000m, cause.ScheduleVariance);
    }

    [Fact]
    public void Analyze_WorkedExample_CostOverrunsLargestFirst()
    {
        var overruns = Analyze().CostOverruns;

        Assert.Equal(["design", "build"], overruns.Select(o => o.Id));
        Assert.Equal(-500m, overruns[0].CostVariance);
        Assert.Equal(0.75m, overruns[1].Cpi);
    }

    [Fact]
    public void Analyze_WorkedExample_SuggestsActionsWithTheirItems()
    {
        var actions = Analyze().Actions;

        Assert.Equal(
            [
                (CorrectiveActionCode.Crash, "build"),
                (CorrectiveActionCode.FastTrack, "test"),
                (CorrectiveActionCode.Reassign, "design,build"),
                (CorrectiveActionCode.Rescope, "test"),
            ],
            actions.Select(a => (a.Code, string.Join(",", a.ItemIds))));
    }

    [Fact]
    public void Analyze_OnPlanAndOnBudget_NothingToDo()
    {
        var schedule = CpmScheduler.Schedule(new ScheduleInput(new DateOnly(2024, 1, 1), [new("a", 5)], []));
        var input = new EvInput(new DateOnly(2024, 1, 3),
            [new EvWorkItem("a", "1", new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 5), 500m) { PercentComplete = 60, ActualCost = 300m }]);

        var report = DeviationAnalysis.Analyze(schedule, input, EarnedValue.Compute(input));

        Assert.Empty(report.SlipCauses);
        Assert.Empty(report.CostOverruns);
        Assert.Empty(report.Actions);
    }
}

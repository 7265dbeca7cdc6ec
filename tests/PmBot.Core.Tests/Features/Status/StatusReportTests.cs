using PmBot.Core.Domain;
using PmBot.Core.Features.Digest;
using PmBot.Core.Features.Plan;
using PmBot.Core.Features.Status;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Planning;
using PmBot.Core.Ports;
using static PmBot.Core.Tests.Features.Digest.DigestFixtures;

namespace PmBot.Core.Tests.Features.Status;

public class StatusReportTests
{
    // From Monday 2026-11-02: A 5 days (to Fri 6), B 10 days after A (Mon 9 - Fri 20, not done), C 5 days (to Fri 6, done).
    // Baseline #1 had A and B only, B then 8 days (finish Wed 18); C was added after it. Today is Tuesday 24.
    private static (Project Project, Wbs Wbs, ScheduleResult Schedule, CurrentBaseline Baseline) Plan()
    {
        var project = Project(start: new DateOnly(2026, 11, 2), finish: new DateOnly(2026, 11, 30));
        var wbs = Wbs(project, ("A", 5, 0, WorkItemStatus.Done), ("B", 10, 0, WorkItemStatus.InProgress), ("C", 5, 0, WorkItemStatus.Done));
        var schedule = CpmScheduler.Schedule(new ScheduleInput(project.PlannedStart!.Value,
            [new("APOLLO-1", 5), new("APOLLO-2", 10), new("APOLLO-3", 5)], [new("APOLLO-1", "APOLLO-2")]));
        var baseline = new PlanBaseline { ProjectId = project.Id, Number = 1, CreatedByMemberId = Guid.Empty, IsCurrent = true };
        var items = new[]
        {
            new PlanBaselineItem { BaselineId = baseline.Id, WorkItemId = wbs.Items[0].Id, Start = new(2026, 11, 2), Finish = new(2026, 11, 6), DurationDays = 5 },
            new PlanBaselineItem { BaselineId = baseline.Id, WorkItemId = wbs.Items[1].Id, Start = new(2026, 11, 9), Finish = new(2026, 11, 18), DurationDays = 8 },
        };
        return (project, wbs, schedule, new CurrentBaseline(baseline, items));
    }

    [Fact]
    public void Compute_SlipAgainstBaselineAndAddedWork_FiguresAndRatings()
    {
        var (project, wbs, schedule, baseline) = Plan();
        var bob = Member("Bob");

        var figures = StatusReport.Compute(project, wbs, schedule, baseline, [Blocker(1, bob, Now.AddDays(-3))], null, Today, Now);

        Assert.Equal(new DateOnly(2026, 11, 20), figures.Forecast);
        Assert.Equal(new DateOnly(2026, 11, 18), figures.Target);
        Assert.Equal(2, figures.SlipDays);
        Assert.Equal(1, figures.LateTasks);
        Assert.Equal(1, figures.OpenTasks);
        Assert.Equal((1, 5, 13), (figures.AddedTasks, figures.AddedDays, figures.BaselineDays));
        Assert.Equal(Rag.Red, figures.Schedule);   // the only open task is late: 100% > 20%
        Assert.Equal(Rag.Red, figures.Scope);      // 5 of 13 days added: 38%
        Assert.Equal(Rag.Amber, figures.Risks);
        Assert.Equal(Rag.Unknown, figures.Cost);
        Assert.Equal(Rag.Red, figures.Overall);
    }

    [Fact]
    public void Explain_EverySentenceCarriesItsFigures()
    {
        var (project, wbs, schedule, baseline) = Plan();
        var figures = StatusReport.Compute(project, wbs, schedule, baseline, [Blocker(1, Member("Bob"), Now.AddDays(-3))], null, Today, Now);

        var text = StatusReport.Explain(figures, project, Localizer.English);

        Assert.Equal(
            "The forecast finish 2026-11-20 is 2 working day(s) later than baseline #1 (2026-11-18). "
            + "1 of 1 open tasks are past their scheduled finish. "
            + "1 task(s) (5 working days) were added since baseline #1: 38% of its 13 working days. "
            + "No CPI yet: it needs a baseline and costs logged. "
            + "1 blocker(s) open, the oldest for 3 day(s).",
            text);
    }

    [Fact]
    public void Compute_NoBaseline_MeasuresAgainstThePlannedFinishAndLeavesScopeUnrated()
    {
        var (project, wbs, schedule, _) = Plan();

        var figures = StatusReport.Compute(project, wbs, schedule, null, [], null, Today, Now);
        var text = StatusReport.Explain(figures, project, Localizer.English);

        Assert.Equal(-6, figures.SlipDays);
        Assert.Equal(Rag.Unknown, figures.Scope);
        Assert.Equal(Rag.Green, figures.Risks);
        Assert.Contains("is 6 working day(s) earlier than the planned finish (2026-11-30)", text, StringComparison.Ordinal);
        Assert.Contains("there is no baseline yet", text, StringComparison.Ordinal);
        Assert.Contains("No blocker is open.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Chinese_RatesEachDimension()
    {
        var (project, wbs, schedule, baseline) = Plan();
        var figures = StatusReport.Compute(project, wbs, schedule, baseline, [], null, Today, Now);

        var message = StatusReport.Render(figures, project, Localizer.Chinese);

        var fields = Assert.Single(message.Blocks.OfType<FieldsBlock>()).Fields.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("🔴 红", fields["进度"]);
        Assert.Equal("⚪ 未评级（需要基线和成本，或预算）", fields["成本"]);
        Assert.Equal("⚪ 尚未跟踪", fields["质量"]);
        Assert.Equal("🟢 绿", fields["风险"]);
        Assert.Contains("预测完成日期 2026-11-20 比基线 #1（2026-11-18）晚 2 个工作日。", message.Blocks.OfType<TextBlock>().Single().Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_EarnedValueAndBudgetAlert_RateCostAndScheduleWithSentences()
    {
        var (project, wbs, schedule, baseline) = Plan();
        var hardware = new BudgetLineStatus("hardware", 5_000, 4_750, 95, 500, 5_200, 90, Alert: true, Budgeted: true);
        var total = new BudgetLineStatus("total", 20_000, 12_000, 60, 1_500, 19_000, 90, Alert: false, Budgeted: true);
        var budget = new BudgetReport(Today, [hardware], total);

        // EV 9,000 against PV 10,000 and AC 8,000: SPI 0.90 (amber), CPI 1.125 (green) but a category in alert: amber.
        var figures = StatusReport.Compute(project, wbs, schedule, baseline, [], null, Today, Now, new EvMetrics(20_000, 10_000, 9_000, 8_000), budget);
        var text = StatusReport.Explain(figures, project, Localizer.English);

        Assert.Equal((0.9, 1.125), (figures.Spi, figures.Cpi));
        Assert.Equal(Rag.Amber, figures.Cost);
        Assert.Equal(Rag.Red, figures.Schedule); // the dates alone are red already
        Assert.Contains("The SPI is 0.90: less work is done than planned by today.", text, StringComparison.Ordinal);
        Assert.Contains("The CPI is 1.13: the work done costs what was planned or less.", text, StringComparison.Ordinal);
        Assert.Contains("60% of the budget is consumed; over the alert threshold or heading over: hardware.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_CpiFarBelowPlan_CostRed()
    {
        var (project, wbs, schedule, baseline) = Plan();

        var figures = StatusReport.Compute(project, wbs, schedule, baseline, [], null, Today, Now, new EvMetrics(20_000, 10_000, 8_000, 10_000));

        Assert.Equal(Rag.Red, figures.Cost);
        Assert.Contains("The CPI is 0.80: the work done costs more than planned.", StatusReport.Explain(figures, project, Localizer.English), StringComparison.Ordinal);
    }
}

using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Planning;

public class EarnedValueTests
{
    private static DateOnly D(int month, int day) => new(2024, month, day);

    // Worked example (status Friday 12 January 2024, end of day; Mon-Fri calendar; BAC 10,000):
    //   1.1 Design  1-5 Jan  (5 d)   budget 2,000  100 %        AC 2,500 → PV 2,000  EV 2,000
    //   1.2 Build   8-19 Jan (10 d)  budget 5,000   30 %        AC 2,000 → PV 2,500 (5 of 10 days) EV 1,500
    //   2.1 Docs    8-12 Jan (5 d)   budget   500  EV 500 given AC   500 → PV   500  EV   500
    //   2.2 Test    22 Jan-2 Feb     budget 2,500    0 %        AC     0 → PV     0  EV     0
    //   Project: PV 5,000  EV 4,000  AC 5,000 → SV -1,000  CV -1,000  SPI 0.8  CPI 0.8
    //   EAC(CPI) = 10,000 / 0.8 = 12,500; EAC(CPI×SPI) = 5,000 + 6,000 / 0.64 = 14,375; ETC 7,500; VAC -2,500;
    //   TCPI = 6,000 / 5,000 = 1.2.
    //   Earned schedule: PV per day is 400 (days 1-5), 600 (days 6-10), ...; cumulative 2,000 at day 5, 3,800 at day 8,
    //   4,400 at day 9 → ES = 8 + 200 / 600 = 8.33; AT = 10 → 1.67 working days behind.
    internal static EvInput WorkedExample() => new(D(1, 12),
    [
        new EvWorkItem("design", "1.1", D(1, 1), D(1, 5), 2000m) { PercentComplete = 100, ActualCost = 2500m },
        new EvWorkItem("build", "1.2", D(1, 8), D(1, 19), 5000m) { PercentComplete = 30, ActualCost = 2000m, RemainingDays = 8 },
        new EvWorkItem("docs", "2.1", D(1, 8), D(1, 12), 500m) { EarnedValue = 500m, ActualCost = 500m },
        new EvWorkItem("test", "2.2", D(1, 22), D(2, 2), 2500m),
    ]);

    [Fact]
    public void Compute_WorkedExample_ProjectMetricsMatchHandCalculation()
    {
        var p = EarnedValue.Compute(WorkedExample()).Project;

        Assert.Equal((10000m, 5000m, 4000m, 5000m), (p.Bac, p.Pv, p.Ev, p.Ac));
        Assert.Equal(-1000m, p.Sv);
        Assert.Equal(-1000m, p.Cv);
        Assert.Equal(0.8m, p.Spi);
        Assert.Equal(0.8m, p.Cpi);
        Assert.Equal(12500m, p.EacAtCpi);
        Assert.Equal(14375m, p.EacAtCpiSpi);
        Assert.Equal(7500m, p.Etc);
        Assert.Equal(-2500m, p.Vac);
        Assert.Equal(1.2m, p.Tcpi);
        Assert.Equal(40m, p.PercentComplete);
        Assert.Equal(50m, p.PercentPlanned);
    }

    [Fact]
    public void ComputeProject_WorkedExample_SameProjectFiguresWithoutBranches()
    {
        var full = EarnedValue.Compute(WorkedExample());

        var project = EarnedValue.ComputeProject(WorkedExample());

        Assert.Equal(full.Project, project.Project);
        Assert.Equal(full.Schedule, project.Schedule);
        Assert.Equal(full.StatusDate, project.StatusDate);
        Assert.Empty(project.Branches);
        Assert.Empty(project.Items);
    }

    [Fact]
    public void Compute_ItemsNotInOutlineOrder_BranchesSortedByCode()
    {
        var input = new EvInput(D(1, 12),
        [
            new EvWorkItem("b", "10.1", D(1, 1), D(1, 5), 100m),
            new EvWorkItem("a", "2.1", D(1, 1), D(1, 5), 100m),
            new EvWorkItem("c", "2", D(1, 1), D(1, 5), 100m),
        ]);

        var codes = EarnedValue.Compute(input).Branches.Select(b => b.OutlineCode);

        Assert.Equal(["2", "2.1", "10", "10.1"], codes);
    }

    [Fact]
    public void Compute_WorkedExample_EarnedScheduleInWorkingDays()
    {
        var schedule = EarnedValue.Compute(WorkedExample()).Schedule!;

        Assert.Equal(8.33m, schedule.EarnedDays);
        Assert.Equal(10, schedule.ActualDays);
        Assert.Equal(1.67m, schedule.SlipDays);
        Assert.Equal(0.833m, schedule.SpiT);
    }

    [Fact]
    public void Compute_WorkedExample_BranchesSumTheirItems()
    {
        var report = EarnedValue.Compute(WorkedExample());

        Assert.Equal(["1", "1.1", "1.2", "2", "2.1", "2.2"], report.Branches.Select(b => b.OutlineCode));
        var one = report.Branches[0].Metrics;
        Assert.Equal((7000m, 4500m, 3500m, 4500m), (one.Bac, one.Pv, one.Ev, one.Ac));
        var two = report.Branches[3].Metrics;
        Assert.Equal((3000m, 500m, 500m, 500m), (two.Bac, two.Pv, two.Ev, two.Ac));
        Assert.Equal(1, report.Branches[0].Depth);
        Assert.Equal(2, report.Branches[1].Depth);
    }

    [Fact]
    public void Build_WorkedExample_StructuredReading()
    {
        var reading = EvReadingBuilder.Build(EarnedValue.Compute(WorkedExample()));

        Assert.Equal(CostPerformance.OverBudget, reading.Cost);
        Assert.Equal(SchedulePerformance.Behind, reading.Schedule);
        Assert.Equal(40m, reading.PercentComplete);
        Assert.Equal(1.67m, reading.DaysBehind);
        Assert.Equal(25m, reading.PercentOverBudget);
        Assert.Equal(20m, reading.PercentBehindPlan);
        Assert.Equal(2500m, reading.ForecastOverrun);
        Assert.Equal(25m, reading.ForecastOverrunPercent);
        Assert.True(reading.NeedsBetterEfficiency);
        Assert.Equal(new BranchVariance("1", -1000m), reading.WorstBranchByCv);
        Assert.Equal(new BranchVariance("1.2", -1000m), reading.WorstBranchBySv); // ties with "1": the deeper branch
    }

    [Fact]
    public void Compute_NothingStartedNothingSpent_RatiosAreNull()
    {
        var report = EarnedValue.Compute(new EvInput(D(1, 1), [new EvWorkItem("a", "1", D(1, 8), D(1, 12), 1000m)]));
        var p = report.Project;

        Assert.Equal(0m, p.Pv);
        Assert.Null(p.Spi);
        Assert.Null(p.Cpi);
        Assert.Null(p.EacAtCpi);
        Assert.Null(p.EacAtCpiSpi);
        Assert.Null(p.Etc);
        Assert.Null(p.Vac);
        Assert.Equal(1m, p.Tcpi);
        var reading = EvReadingBuilder.Build(report);
        Assert.Equal(CostPerformance.Unknown, reading.Cost);
        Assert.Null(reading.PercentOverBudget);
        Assert.Null(reading.PercentBehindPlan);
    }

    [Fact]
    public void Compute_CostButNoEarnedValue_CpiZeroAndEacNull()
    {
        var p = EarnedValue.Compute(new EvInput(D(1, 5), [new EvWorkItem("a", "1", D(1, 1), D(1, 5), 1000m) { ActualCost = 1000m }])).Project;

        Assert.Equal(0m, p.Cpi);
        Assert.Equal(0m, p.Spi);
        Assert.Null(p.EacAtCpi);
        Assert.Null(p.EacAtCpiSpi);
        Assert.Null(p.Tcpi); // BAC - AC = 0
    }

    [Fact]
    public void Compute_ZeroBudget_PercentagesNull()
    {
        var p = EarnedValue.Compute(new EvInput(D(1, 5), [new EvWorkItem("a", "1", D(1, 1), D(1, 5), 0m)])).Project;

        Assert.Null(p.PercentComplete);
        Assert.Null(p.Spi);
        Assert.Null(p.Tcpi);
    }

    [Fact]
    public void Compute_NoItems_EmptyReport()
    {
        var report = EarnedValue.Compute(new EvInput(D(1, 5), []));

        Assert.Equal(0m, report.Project.Bac);
        Assert.Empty(report.Branches);
        Assert.Null(report.Schedule);
        Assert.Equal(SchedulePerformance.Unknown, EvReadingBuilder.Build(report).Schedule);
    }

    [Fact]
    public void Compute_ItemOverWeekendOnly_PlannedAtItsFinish()
    {
        var item = new EvWorkItem("m", "1", D(1, 6), D(1, 7), 300m); // Saturday-Sunday: no working day

        Assert.Equal(0m, EarnedValue.Compute(new EvInput(D(1, 4), [item])).Project.Pv);
        Assert.Equal(300m, EarnedValue.Compute(new EvInput(D(1, 8), [item])).Project.Pv);
    }

    [Fact]
    public void Compute_StatusOnAHolidayMidItem_PvCountsWorkingDaysOnly()
    {
        var calendar = new WorkCalendar(holidays: [D(1, 3)]);
        var item = new EvWorkItem("a", "1", D(1, 1), D(1, 5), 400m); // 4 working days: 1, 2, 4, 5

        var report = EarnedValue.Compute(new EvInput(D(1, 3), [item]) { Calendar = calendar });

        Assert.Equal(200m, report.Project.Pv);
    }

    [Fact]
    public void Compute_PercentOutOfRange_Throws()
    {
        var item = new EvWorkItem("a", "1", D(1, 1), D(1, 5), 400m) { PercentComplete = 120 };

        Assert.Throws<ArgumentException>(() => EarnedValue.Compute(new EvInput(D(1, 3), [item])));
    }

    [Theory]
    [InlineData("1.2", "1.10", -1)]
    [InlineData("1", "1.1", -1)]
    [InlineData("2", "1.9", 1)]
    [InlineData("1.2", "1.2", 0)]
    public void Compare_OutlineCodes_NumericPartByPart(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(OutlineCode.Compare(a, b)));
    }
}

using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Planning;

public class BudgetStatusTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    // Worked example. Status Friday 27 March 2026; the project started Monday 2 March and is forecast to finish Friday
    // 24 April (28 days = 4 weeks after the status date). The burn-rate window is the last 28 days (28 Feb - 27 Mar) cut
    // to the project start: 2-27 March, 26 days.
    //   labour   20,000 (90%): spent 2,000 + 3,000 + 3,000 + 4,000 = 12,000 (the 999 of 3 April is after the status date)
    //            → 60% consumed; burn 12,000 × 7 / 26 = 3,230.77 a week; ETC given 6,000 → forecast 18,000; variance +2,000.
    //   hardware  5,000 (80%): spent 4,200 → 84% ≥ 80%: alert; burn 4,200 × 7 / 26 = 1,130.77;
    //            forecast 4,200 + max(800 left, 1,130.77 × 4 weeks = 4,523.08) = 8,723.08 → over the line by 3,723.08.
    //   travel    1,000 (90%): nothing spent → forecast 0 + max(1,000, 0) = 1,000.
    //   software (no line): 300 spent → alert (unbudgeted); burn 300 × 7 / 26 = 80.77; forecast 300 + 80.77 × 4 = 623.08.
    //   Total: planned 26,000, actual 16,500 (63.5%), burn 4,442.31, forecast 28,346.16.
    private static BudgetInput Example() => new(D(3, 27),
        [
            new BudgetLineInput("labour", 20000m),
            new BudgetLineInput("hardware", 5000m, 80),
            new BudgetLineInput("travel", 1000m),
        ],
        [
            new Spend("labour", D(3, 6), 2000m),
            new Spend("labour", D(3, 13), 3000m),
            new Spend("labour", D(3, 20), 3000m),
            new Spend("labour", D(3, 27), 4000m),
            new Spend("labour", D(4, 3), 999m),
            new Spend("hardware", D(3, 10), 4200m),
            new Spend("software", D(3, 20), 300m),
        ])
    {
        ProjectStart = D(3, 2),
        ForecastFinish = D(4, 24),
        EstimateToComplete = new Dictionary<string, decimal> { ["labour"] = 6000m },
    };

    [Fact]
    public void Compute_WorkedExample_LabourUsesTheBottomUpEstimate()
    {
        var labour = BudgetStatus.Compute(Example()).Lines.Single(l => l.Category == "labour");

        Assert.Equal((20000m, 12000m, 60m), (labour.Planned, labour.Actual, labour.PercentConsumed));
        Assert.Equal(3230.77m, labour.BurnRatePerWeek);
        Assert.Equal(18000m, labour.Forecast);
        Assert.Equal(2000m, labour.ForecastVariance);
        Assert.False(labour.Alert);
        Assert.False(labour.ForecastOverrun);
        Assert.Equal(8000m, labour.Left);
    }

    [Fact]
    public void Compute_WorkedExample_HardwareAlertsAndIsForecastFromItsBurnRate()
    {
        var hardware = BudgetStatus.Compute(Example()).Lines.Single(l => l.Category == "hardware");

        Assert.Equal((4200m, 84m), (hardware.Actual, hardware.PercentConsumed));
        Assert.Equal(1130.77m, hardware.BurnRatePerWeek);
        Assert.Equal(8723.08m, hardware.Forecast);
        Assert.Equal(-3723.08m, hardware.ForecastVariance);
        Assert.True(hardware.Alert);
        Assert.True(hardware.ForecastOverrun);
    }

    [Fact]
    public void Compute_WorkedExample_UntouchedLineIsForecastAtItsPlan()
    {
        var travel = BudgetStatus.Compute(Example()).Lines.Single(l => l.Category == "travel");

        Assert.Equal((0m, 0m, 0m, 1000m), (travel.Actual, travel.PercentConsumed!.Value, travel.BurnRatePerWeek, travel.Forecast));
        Assert.Equal(90m, travel.AlertPercent);
        Assert.False(travel.Alert);
    }

    [Fact]
    public void Compute_WorkedExample_SpendingWithoutALineIsListedAndFlagged()
    {
        var report = BudgetStatus.Compute(Example());

        Assert.Equal(["labour", "hardware", "travel", "software"], report.Lines.Select(l => l.Category));
        var software = report.Lines[3];
        Assert.False(software.Budgeted);
        Assert.Null(software.PercentConsumed);
        Assert.True(software.Alert);
        Assert.Equal(80.77m, software.BurnRatePerWeek);
        Assert.Equal(623.08m, software.Forecast);
    }

    [Fact]
    public void Compute_WorkedExample_TotalsEveryCategory()
    {
        var total = BudgetStatus.Compute(Example()).Total;

        Assert.Equal((26000m, 16500m, 63.5m), (total.Planned, total.Actual, total.PercentConsumed));
        Assert.Equal(4442.31m, total.BurnRatePerWeek);
        Assert.Equal(28346.16m, total.Forecast);
        Assert.False(total.Alert);
    }

    [Fact]
    public void Alerts_WorkedExample_WorstConsumptionFirst()
    {
        var alerts = BudgetStatus.Compute(Example()).Alerts.Select(l => l.Category).ToList();

        // software has no line (consumption unknown, listed first), then hardware at 84%.
        Assert.Equal(["software", "hardware"], alerts);
    }

    [Fact]
    public void Compute_LongRunningProject_BurnRateIsTheLastFourWeeks()
    {
        // Started long ago: the window is the full 28 days (1-28 March); 2,800 in it → 700 a week; the February spend is not in it.
        var input = new BudgetInput(D(3, 28), [new BudgetLineInput("x", 10000m)],
            [new Spend("x", D(2, 10), 5000m), new Spend("x", D(3, 1), 800m), new Spend("x", D(3, 28), 2000m)])
        { ProjectStart = D(1, 5) };

        var line = BudgetStatus.Compute(input).Lines[0];

        Assert.Equal(700m, line.BurnRatePerWeek);
        Assert.Equal(7800m, line.Actual);
        // No forecast finish: the rest of the line is assumed spent.
        Assert.Equal(10000m, line.Forecast);
    }

    [Fact]
    public void Compute_BeforeTheProjectStarts_BurnsNothing()
    {
        var input = new BudgetInput(D(2, 27), [new BudgetLineInput("x", 100m)], [new Spend("x", D(2, 20), 50m)]) { ProjectStart = D(3, 2) };

        var line = BudgetStatus.Compute(input).Lines[0];

        Assert.Equal(0m, line.BurnRatePerWeek);
        Assert.Equal(50m, line.Actual);
    }

    [Fact]
    public void Compute_ConsumptionExactlyAtTheThreshold_Alerts()
    {
        var input = new BudgetInput(D(3, 2), [new BudgetLineInput("x", 1000m, 90)], [new Spend("x", D(3, 2), 900m)]);

        Assert.True(BudgetStatus.Compute(input).Lines[0].Alert);
    }

    [Fact]
    public void Compute_NothingAtAll_IsAnEmptyReport()
    {
        var report = BudgetStatus.Compute(new BudgetInput(D(3, 2), [], []));

        Assert.Empty(report.Lines);
        Assert.Null(report.Total.PercentConsumed);
        Assert.False(report.Total.Alert);
    }

    [Fact]
    public void Compute_TwoLinesForOneCategory_Throws()
    {
        Assert.Throws<ArgumentException>(() => BudgetStatus.Compute(new BudgetInput(D(3, 2), [new BudgetLineInput("x", 1m), new BudgetLineInput("x", 2m)], [])));
    }
}

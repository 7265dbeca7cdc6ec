namespace PmBot.Core.Planning;

public enum CostPerformance
{
    Unknown,
    UnderBudget,
    OnBudget,
    OverBudget,
}

public enum SchedulePerformance
{
    Unknown,
    Ahead,
    OnSchedule,
    Behind,
}

/// <summary>A branch and its (negative) variance.</summary>
public sealed record BranchVariance(string OutlineCode, decimal Variance);

/// <summary>
/// Plain-language facts about an <see cref="EvReport"/>, for the chat layer to put into words. Percentages are 0-100 and
/// rounded to 2 decimals; null means "cannot be said" (a zero divisor, or nothing to compare).
/// </summary>
/// <param name="DaysBehind">Earned-schedule slip in working days: positive = behind, negative = ahead.</param>
/// <param name="PercentOverBudget">(AC - EV) / EV: how much more the done work cost than it was worth; negative = under budget.</param>
/// <param name="PercentBehindPlan">(PV - EV) / PV: the share of planned work not yet earned; negative = ahead.</param>
/// <param name="ForecastOverrun">EAC (at CPI) - BAC; positive = the project is heading over budget by that much.</param>
/// <param name="NeedsBetterEfficiency">TCPI &gt; 1: the rest of the work must be done more cheaply than planned to hold BAC.</param>
/// <param name="WorstBranchByCv">The branch with the most negative CV (ties: the deeper branch), null when none is over budget.</param>
/// <param name="WorstBranchBySv">The branch with the most negative SV (ties: the deeper branch), null when none is behind.</param>
public sealed record EvReading(
    DateOnly StatusDate,
    CostPerformance Cost,
    SchedulePerformance Schedule,
    decimal? PercentComplete,
    decimal? DaysBehind,
    decimal? PercentOverBudget,
    decimal? PercentBehindPlan,
    decimal? ForecastOverrun,
    decimal? ForecastOverrunPercent,
    bool NeedsBetterEfficiency,
    BranchVariance? WorstBranchByCv,
    BranchVariance? WorstBranchBySv);

public static class EvReadingBuilder
{
    public static EvReading Build(EvReport report)
    {
        var p = report.Project;
        var cost = p.Ac == 0 && p.Ev == 0 ? CostPerformance.Unknown
            : p.Cv < 0 ? CostPerformance.OverBudget
            : p.Cv > 0 ? CostPerformance.UnderBudget
            : CostPerformance.OnBudget;
        decimal? daysBehind = report.Schedule is { ActualDays: > 0 } s ? s.SlipDays : null;
        var scheduleSign = daysBehind is { } slip ? Math.Sign(slip) : p.Pv == 0 && p.Ev == 0 ? (int?)null : -Math.Sign(p.Sv);
        var schedule = scheduleSign switch
        {
            null => SchedulePerformance.Unknown,
            > 0 => SchedulePerformance.Behind,
            < 0 => SchedulePerformance.Ahead,
            _ => SchedulePerformance.OnSchedule,
        };
        var overrun = p.EacAtCpi - p.Bac;
        return new EvReading(
            report.StatusDate,
            cost,
            schedule,
            Round(p.PercentComplete),
            daysBehind,
            p.Ev == 0 ? null : Round((p.Ac - p.Ev) * 100 / p.Ev),
            p.Pv == 0 ? null : Round((p.Pv - p.Ev) * 100 / p.Pv),
            overrun is null ? null : Round(overrun),
            overrun is null || p.Bac == 0 ? null : Round(overrun * 100 / p.Bac),
            p.Tcpi > 1,
            Worst(report.Branches, b => b.Metrics.Cv),
            Worst(report.Branches, b => b.Metrics.Sv));
    }

    private static BranchVariance? Worst(IReadOnlyList<EvBranch> branches, Func<EvBranch, decimal> variance)
    {
        EvBranch? worst = null;
        foreach (var branch in branches)
        {
            var v = variance(branch);
            if (v >= 0)
                continue;
            if (worst is null || v < variance(worst) || (v == variance(worst) && branch.Depth > worst.Depth))
                worst = branch;
        }
        return worst is null ? null : new BranchVariance(worst.OutlineCode, variance(worst));
    }

    private static decimal? Round(decimal? value) =>
        value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;
}

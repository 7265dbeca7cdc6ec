namespace PmBot.Core.Features.Status;

/// <summary>Red / amber / green, or <see cref="Unknown"/> when there is nothing to rate it by. Worse is larger.</summary>
public enum Rag
{
    Unknown,
    Green,
    Amber,
    Red,
}

/// <summary>
/// How each dimension of <c>status</c> is rated: small functions over figures, so a new figure (CPI once budgets exist)
/// changes one rule. The thresholds are shown to the reader with the summary.
/// </summary>
public static class RagRules
{
    /// <summary>Schedule: red beyond this many working days of slip…</summary>
    public const int ScheduleRedSlipDays = 5;

    /// <summary>…or when more than this share of the open tasks is past its scheduled finish.</summary>
    public const double ScheduleRedLateShare = 0.20;

    /// <summary>Schedule by earned value: amber below this schedule performance index, red below <see cref="ScheduleRedSpi"/>.</summary>
    public const double ScheduleAmberSpi = 0.95;

    public const double ScheduleRedSpi = 0.85;

    public const double ScopeAmberShare = 0.05;
    public const double ScopeRedShare = 0.15;

    public const double CostAmberCpi = 0.95;
    public const double CostRedCpi = 0.85;

    public const int RisksRedOpenBlockers = 5;
    public const int RisksRedBlockerAgeDays = 10;

    /// <summary>
    /// Forecast slip against the baseline (or planned finish) in working days, tasks past their scheduled finish and,
    /// when earned value is measured, the schedule performance index: the worst of these.
    /// </summary>
    public static Rag Schedule(bool scheduled, int? slipDays, int lateTasks, int openTasks, double? spi = null)
    {
        var bySpi = Index(spi, ScheduleAmberSpi, ScheduleRedSpi);
        if (!scheduled)
            return bySpi;
        var slip = slipDays ?? 0;
        var byDates = slip > ScheduleRedSlipDays || (openTasks > 0 && (double)lateTasks / openTasks > ScheduleRedLateShare) ? Rag.Red
            : slip > 0 || lateTasks > 0 ? Rag.Amber
            : Rag.Green;
        return Overall([byDates, bySpi]);
    }

    /// <summary>
    /// The cost performance index (earned value ÷ actual cost; unknown before there is a baseline and costs), made at
    /// least amber by any budget category at or over its alert threshold or heading over its line.
    /// </summary>
    public static Rag Cost(double? cpi, int budgetAlerts = 0)
    {
        var byCpi = Index(cpi, CostAmberCpi, CostRedCpi);
        return budgetAlerts > 0 ? Overall([byCpi, Rag.Amber]) : byCpi;
    }

    /// <summary>A performance index: green from <paramref name="amber"/> up, amber from <paramref name="red"/>, red below; unknown without one.</summary>
    private static Rag Index(double? index, double amber, double red) => index switch
    {
        null => Rag.Unknown,
        var i when i >= amber => Rag.Green,
        var i when i >= red => Rag.Amber,
        _ => Rag.Red,
    };

    /// <summary>Work added since the current baseline as a share of the baseline's work; unknown without a baseline.</summary>
    public static Rag Scope(double? addedShare) => addedShare switch
    {
        null => Rag.Unknown,
        <= ScopeAmberShare => Rag.Green,
        <= ScopeRedShare => Rag.Amber,
        _ => Rag.Red,
    };

    /// <summary>Not measured yet (no defect or acceptance data in PmBot).</summary>
    public static Rag Quality() => Rag.Unknown;

    /// <summary>Open blockers and how long the oldest has been open.</summary>
    public static Rag Risks(int openBlockers, int oldestOpenDays) =>
        openBlockers == 0 ? Rag.Green
        : openBlockers >= RisksRedOpenBlockers || oldestOpenDays >= RisksRedBlockerAgeDays ? Rag.Red
        : Rag.Amber;

    /// <summary>The worst rated dimension; unknown only when none is rated.</summary>
    public static Rag Overall(IEnumerable<Rag> dimensions) => dimensions.DefaultIfEmpty(Rag.Unknown).Max();
}

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

    public const double ScopeAmberShare = 0.05;
    public const double ScopeRedShare = 0.15;

    public const double CostAmberCpi = 0.95;
    public const double CostRedCpi = 0.85;

    public const int RisksRedOpenBlockers = 5;
    public const int RisksRedBlockerAgeDays = 10;

    /// <summary>Forecast slip against the baseline (or planned finish) in working days, and tasks past their scheduled finish.</summary>
    public static Rag Schedule(bool scheduled, int? slipDays, int lateTasks, int openTasks)
    {
        if (!scheduled)
            return Rag.Unknown;
        var slip = slipDays ?? 0;
        if (slip > ScheduleRedSlipDays || (openTasks > 0 && (double)lateTasks / openTasks > ScheduleRedLateShare))
            return Rag.Red;
        return slip > 0 || lateTasks > 0 ? Rag.Amber : Rag.Green;
    }

    /// <summary>The cost performance index (earned value ÷ actual cost); unknown until the project has a budget.</summary>
    public static Rag Cost(double? cpi) => cpi switch
    {
        null => Rag.Unknown,
        >= CostAmberCpi => Rag.Green,
        >= CostRedCpi => Rag.Amber,
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

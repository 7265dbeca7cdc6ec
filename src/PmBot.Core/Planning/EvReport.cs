namespace PmBot.Core.Planning;

/// <summary>
/// Earned schedule at project level, in working days counted from the earliest baseline start.
/// <see cref="EarnedDays"/> (ES) is the time at which the baseline planned to have earned today's EV;
/// <see cref="ActualDays"/> (AT) is the working days elapsed through the status date. Rounded to 2 decimals.
/// </summary>
public sealed record EarnedSchedule(decimal EarnedDays, int ActualDays)
{
    /// <summary>AT - ES: positive = that many working days behind, negative = ahead.</summary>
    public decimal SlipDays => ActualDays - EarnedDays;

    /// <summary>ES / AT, null before the project has started.</summary>
    public decimal? SpiT => ActualDays == 0 ? null : Math.Round(EarnedDays / ActualDays, 4);
}

/// <summary>EV of one WBS branch: the item with that outline code (if any) and all items below it.</summary>
public sealed record EvBranch(string OutlineCode, int Depth, EvMetrics Metrics);

public sealed record EvItemResult(string Id, string OutlineCode, EvMetrics Metrics);

/// <summary>Everything <see cref="EarnedValue.Compute"/> found. Branches are in outline order (1, 1.1, 1.2, 1.10, 2).</summary>
public sealed record EvReport(
    DateOnly StatusDate,
    EvMetrics Project,
    EarnedSchedule? Schedule,
    IReadOnlyList<EvBranch> Branches,
    IReadOnlyList<EvItemResult> Items);

namespace PmBot.Core.Planning;

/// <summary>
/// One work package as earned value sees it: its baseline dates and budget (its share of BAC), its progress and its actual cost.
/// <see cref="OutlineCode"/> places it in the WBS ("1.2.3" sits under "1.2" and "1").
/// </summary>
public sealed record EvWorkItem(string Id, string OutlineCode, DateOnly BaselineStart, DateOnly BaselineFinish, decimal Budget)
{
    public string? Name { get; init; }

    /// <summary>0 to 100; ignored when <see cref="EarnedValue"/> is given.</summary>
    public decimal PercentComplete { get; init; }

    /// <summary>The earned value reported directly (instead of percent complete × budget).</summary>
    public decimal? EarnedValue { get; init; }

    public decimal ActualCost { get; init; }

    /// <summary>The team's estimate of working days still needed (for deviation analysis), if known.</summary>
    public int? RemainingDays { get; init; }
}

/// <summary>Earned value inputs at a status date (inclusive: the status date's work counts as done).</summary>
public sealed record EvInput(DateOnly StatusDate, IReadOnlyList<EvWorkItem> Items)
{
    public WorkCalendar Calendar { get; init; } = WorkCalendar.Standard;
}

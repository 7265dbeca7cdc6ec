namespace PmBot.Core.Domain;

/// <summary>
/// A snapshot of a project's schedule (<c>plan baseline</c>). Several are kept; exactly one is current, and variance
/// is always measured against it.
/// </summary>
public sealed class PlanBaseline
{
    public Guid Id { get; init; } = NewId.Next();
    public required Guid ProjectId { get; init; }

    /// <summary>1, 2, 3 … per project.</summary>
    public required int Number { get; init; }

    public required Guid CreatedByMemberId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool IsCurrent { get; set; }
}

/// <summary>One task's planned dates, effort and cost in a baseline (its share of the budget at completion).</summary>
public sealed class PlanBaselineItem
{
    public required Guid BaselineId { get; init; }
    public required Guid WorkItemId { get; init; }
    public required DateOnly Start { get; init; }
    public required DateOnly Finish { get; init; }
    public required int DurationDays { get; init; }

    /// <summary>Planned effort in hours when the baseline was saved (0 when not estimated).</summary>
    public decimal EffortHours { get; init; }

    /// <summary>Planned cost when the baseline was saved: effort × the owner's rate then, plus fixed cost.</summary>
    public decimal PlannedCost { get; init; }
}

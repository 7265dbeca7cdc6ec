namespace PmBot.Core.Domain;

public enum WorkItemStatus
{
    NotStarted,
    InProgress,
    Done,
}

/// <summary>
/// One node of a project's work breakdown structure (a phase, deliverable, work package or task), addressed in
/// chat by its stable short id <c>{KEY}-{Number}</c> (e.g. <c>APOLLO-12</c>). Its outline code (1.2.3) follows
/// from its place in the tree.
/// </summary>
public sealed class WorkItem
{
    public const int MaxNameLength = 200;

    /// <summary>Longest description or acceptance criteria text.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>A new item, with a new id.</summary>
    public WorkItem() => Id = NewId.Next();

    /// <summary>
    /// An item with a known id: for reads that build many items from storage, which would otherwise draw a random id per
    /// item only to overwrite it.
    /// </summary>
    public WorkItem(Guid id) => Id = id;

    public Guid Id { get; init; }
    public required Guid ProjectId { get; init; }

    /// <summary>Unique within the project, never reused: the number in <c>APOLLO-12</c>.</summary>
    public required int Number { get; init; }

    public Guid? ParentId { get; set; }
    public required string Name { get; set; }

    /// <summary>Planned duration in working days; 0 makes it a milestone.</summary>
    public int DurationDays { get; set; }

    public Guid? OwnerMemberId { get; set; }

    /// <summary>
    /// The "start no earlier than" date when that is the item's constraint (what a CSV import sets); a view of
    /// <see cref="ConstraintKind"/> and <see cref="ConstraintDate"/>, not stored on its own.
    /// </summary>
    public DateOnly? StartNoEarlierThan
    {
        get => ConstraintKind == Planning.ConstraintKind.StartNoEarlierThan ? ConstraintDate : null;
        set
        {
            if (value is { } date)
                Constrain(new Planning.ActivityConstraint(Planning.ConstraintKind.StartNoEarlierThan, date));
            else if (ConstraintKind == Planning.ConstraintKind.StartNoEarlierThan)
                Constrain(null);
        }
    }

    public WorkItemStatus Status { get; set; } = WorkItemStatus.NotStarted;

    /// <summary>0-100, as last reported.</summary>
    public int PercentComplete { get; set; }

    public DateOnly? ActualStart { get; set; }
    public DateOnly? ActualFinish { get; set; }

    /// <summary>Planned effort in hours (null: not estimated). Its labour cost is effort × the owner's hourly rate.</summary>
    public decimal? EffortHours { get; set; }

    /// <summary>
    /// The team's latest estimate of the hours still needed (<c>task remaining</c>); logging time lowers it. Null: not
    /// given, so the remaining effort is the planned effort minus the hours logged (see <see cref="RemainingHoursAfter"/>).
    /// </summary>
    public decimal? RemainingHours { get; set; }

    /// <summary>Planned cost that does not come from effort (licences, material, a supplier's fixed price).</summary>
    public decimal FixedCost { get; set; }

    public string? Description { get; set; }
    public string? AcceptanceCriteria { get; set; }

    /// <summary>True when the item is a deliverable (something handed over and accepted).</summary>
    public bool IsDeliverable { get; set; }

    /// <summary>The remaining hours given <paramref name="hoursLogged"/>: the estimate given, else effort minus hours logged (never below 0), else null.</summary>
    public decimal? RemainingHoursAfter(decimal hoursLogged) =>
        Status == WorkItemStatus.Done ? 0
        : RemainingHours ?? (EffortHours is { } effort ? Math.Max(0, effort - hoursLogged) : null);
    /// <summary>Made by <c>milestone add</c>: a zero-duration event reported by <c>plan milestones</c>.</summary>
    public bool IsMilestone { get; set; }

    /// <summary>
    /// The date a milestone is promised for. Only a target: the schedule still follows the links, so the forecast
    /// can be compared with it (a hard date is a <see cref="Planning.ConstraintKind.MustFinishOn"/> constraint).
    /// </summary>
    public DateOnly? TargetDate { get; set; }

    /// <summary>A date constraint the scheduler honours (<c>task constrain</c>); set together with <see cref="ConstraintDate"/>.</summary>
    public Planning.ConstraintKind? ConstraintKind { get; set; }

    public DateOnly? ConstraintDate { get; set; }

    /// <summary>The constraint as the scheduler takes it, or null.</summary>
    public Planning.ActivityConstraint? ScheduleConstraint =>
        ConstraintKind is { } kind && ConstraintDate is { } date ? new Planning.ActivityConstraint(kind, date) : null;

    /// <summary>Sets or (with null) clears the date constraint.</summary>
    public void Constrain(Planning.ActivityConstraint? constraint)
    {
        ConstraintKind = constraint?.Kind;
        ConstraintDate = constraint?.Date;
    }

    /// <summary>Records progress: 0 keeps it not started (unless it had started), 100 finishes it, anything between starts it.</summary>
    public void ReportProgress(int percent, DateOnly today)
    {
        PercentComplete = Math.Clamp(percent, 0, 100);
        if (PercentComplete > 0)
            ActualStart ??= today;
        Status = PercentComplete switch
        {
            100 => WorkItemStatus.Done,
            > 0 => WorkItemStatus.InProgress,
            _ => ActualStart is null ? WorkItemStatus.NotStarted : WorkItemStatus.InProgress,
        };
        ActualFinish = Status == WorkItemStatus.Done ? ActualFinish ?? today : null;
    }

    /// <summary>Marks the work as begun today (keeps progress already reported).</summary>
    public void Start(DateOnly today)
    {
        ActualStart ??= today;
        if (Status == WorkItemStatus.NotStarted)
            Status = WorkItemStatus.InProgress;
    }
    public DateTimeOffset CreatedAt { get; init; }

    public string ShortId(string projectKey) => $"{projectKey}-{Number}";
}

/// <summary>A dependency between two work items of one project, with lag (negative: lead) in working days.</summary>
public sealed class WorkItemLink
{
    public required Guid ProjectId { get; init; }
    public required Guid PredecessorId { get; init; }
    public required Guid SuccessorId { get; init; }
    public required Planning.DependencyType Type { get; set; }
    public int LagDays { get; set; }
}

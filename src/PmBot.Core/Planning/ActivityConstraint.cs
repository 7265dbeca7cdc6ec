namespace PmBot.Core.Planning;

public enum ConstraintKind
{
    /// <summary>The activity may not start before the date (a start date that is not a working day means the next working day).</summary>
    StartNoEarlierThan,

    /// <summary>
    /// The activity finishes on the date whatever its logic says (a hard constraint; for a milestone this is its fixed date).
    /// A finish date that is not a working day means the previous working day. If the logic would need a later date, the
    /// fixed date is kept and a <see cref="ScheduleWarning"/> is raised; late dates never exceed it, so float can go negative.
    /// </summary>
    MustFinishOn,
}

/// <summary>A date constraint on one activity.</summary>
public sealed record ActivityConstraint(ConstraintKind Kind, DateOnly Date);

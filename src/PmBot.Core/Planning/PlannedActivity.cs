namespace PmBot.Core.Planning;

/// <summary>
/// An activity to schedule. <paramref name="DurationDays"/> counts working days of work (0 = a milestone).
/// When <see cref="ResourceId"/> names a resource with days off in the calendar, the work is laid on that
/// resource's working days only (its duration then may span more project working days).
/// </summary>
public sealed record PlannedActivity(string Id, int DurationDays)
{
    public string? Name { get; init; }
    public ActivityConstraint? Constraint { get; init; }
    public string? ResourceId { get; init; }

    public bool IsMilestone => DurationDays == 0;
}

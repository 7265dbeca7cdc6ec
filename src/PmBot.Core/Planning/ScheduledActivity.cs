namespace PmBot.Core.Planning;

/// <summary>
/// One activity's CPM dates and floats. Dates are inclusive working days: a 3-day activity starting Monday has
/// <see cref="EarlyFinish"/> Wednesday. A milestone's start and finish are the same date: the working day at whose end it
/// is reached (a milestone with nothing before it is on the project's first working day).
/// </summary>
/// <remarks>
/// The <c>…Offset</c> properties are the same dates as working-day boundaries counted from the project's first working
/// day: a start offset k means "at the start of working day k", a finish offset k means "at the end of working day k - 1".
/// So finish offset = start offset + duration (for an activity on the project calendar).
/// Floats are in working days: <see cref="TotalFloat"/> = late start - early start (the smaller of start and finish
/// float when a resource calendar stretches the activity); <see cref="FreeFloat"/> is the delay that moves no
/// successor's early dates nor the project's early finish, never negative and never more than a non-negative total float.
/// </remarks>
public sealed record ScheduledActivity(
    string Id,
    int DurationDays,
    DateOnly EarlyStart,
    DateOnly EarlyFinish,
    DateOnly LateStart,
    DateOnly LateFinish,
    int TotalFloat,
    int FreeFloat,
    bool IsCritical)
{
    public string? Name { get; init; }
    public int EarlyStartOffset { get; init; }
    public int EarlyFinishOffset { get; init; }
    public int LateStartOffset { get; init; }
    public int LateFinishOffset { get; init; }
}

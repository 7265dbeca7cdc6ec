namespace PmBot.Core.Planning;

/// <summary>
/// What the scheduler needs. The project starts on <paramref name="ProjectStart"/> (or the next working day).
/// With a <see cref="Deadline"/> the backward pass starts from it instead of from the early finish.
/// </summary>
public sealed record ScheduleInput(
    DateOnly ProjectStart,
    IReadOnlyList<PlannedActivity> Activities,
    IReadOnlyList<Dependency> Dependencies)
{
    /// <summary>Defaults to <see cref="WorkCalendar.Standard"/> (Monday to Friday).</summary>
    public WorkCalendar Calendar { get; init; } = WorkCalendar.Standard;

    /// <summary>The date the last activity must finish by (inclusive).</summary>
    public DateOnly? Deadline { get; init; }
}

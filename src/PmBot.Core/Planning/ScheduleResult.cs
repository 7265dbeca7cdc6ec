namespace PmBot.Core.Planning;

/// <summary>
/// The outcome of <see cref="CpmScheduler.Schedule"/>: either an <see cref="Error"/>, or the dates of every activity
/// (in input order), a topological order, and the critical path(s).
/// </summary>
/// <remarks>
/// The critical path is the longest path: the activities whose total float equals <see cref="CriticalFloat"/>, the
/// smallest total float in the plan. Without a deadline (and without must-finish-on dates) that is 0; with a deadline
/// it is the deadline's slack, negative when the deadline cannot be met and positive when it has room.
/// <see cref="CriticalPaths"/> lists chains of critical activities joined by driving links (links with no slack),
/// from a chain's first activity to its last; at most <see cref="CpmScheduler.MaxCriticalPaths"/> are listed.
/// </remarks>
public sealed class ScheduleResult
{
    public ScheduleError? Error { get; init; }
    public bool Succeeded => Error is null;

    /// <summary>The project's first working day (the start date asked for, or the next working day).</summary>
    public DateOnly ProjectStart { get; init; }

    /// <summary>The early finish of the whole project (last working day of work); the start day for an empty plan.</summary>
    public DateOnly ProjectFinish { get; init; }

    /// <summary>Working days from the project start to its early finish, both included (0 for an empty plan).</summary>
    public int DurationDays { get; init; }

    public int CriticalFloat { get; init; }
    public IReadOnlyList<ScheduledActivity> Activities { get; init; } = [];
    public IReadOnlyList<string> TopologicalOrder { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<string>> CriticalPaths { get; init; } = [];
    public bool CriticalPathsTruncated { get; init; }
    public IReadOnlyList<ScheduleWarning> Warnings { get; init; } = [];

    /// <summary>The index used to turn offsets into dates (null when the plan was refused).</summary>
    public WorkingDayIndex? Days { get; init; }

    /// <summary>The calendar the plan was laid on: working days between its dates count on it (Monday to Friday for a refused plan).</summary>
    public WorkCalendar Calendar => Days?.Calendar ?? WorkCalendar.Standard;

    internal ScheduleInput? Input { get; init; }

    private Dictionary<string, ScheduledActivity>? _byId;
    private Dictionary<string, ScheduleWarning>? _conflicts;

    /// <summary>The scheduled activity with this id, or null.</summary>
    public ScheduledActivity? Find(string id)
    {
        _byId ??= Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        return _byId.GetValueOrDefault(id);
    }

    /// <summary>The first <see cref="ScheduleWarningKind.ConstraintConflict"/> warning of this activity, or null (a look-up: a forecast can hold thousands).</summary>
    public ScheduleWarning? ConflictOf(string id)
    {
        if (_conflicts is null)
        {
            var conflicts = new Dictionary<string, ScheduleWarning>(StringComparer.Ordinal);
            foreach (var warning in Warnings)
            {
                if (warning.Kind == ScheduleWarningKind.ConstraintConflict)
                    conflicts.TryAdd(warning.ActivityId, warning);
            }
            _conflicts = conflicts;
        }
        return _conflicts.GetValueOrDefault(id);
    }

    internal static ScheduleResult Refused(ScheduleError error) => new() { Error = error };
}

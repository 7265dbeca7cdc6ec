namespace PmBot.Core.Planning;

public enum ScheduleErrorKind
{
    DuplicateActivity,
    NegativeDuration,
    UnknownActivity,
    Cycle,
}

/// <summary>Why a plan could not be scheduled. <see cref="Message"/> is English for logs; chat text comes from the kind and ids.</summary>
public sealed record ScheduleError(ScheduleErrorKind Kind, string Message, IReadOnlyList<string> ActivityIds)
{
    /// <summary>Set when <see cref="Kind"/> is <see cref="ScheduleErrorKind.Cycle"/>.</summary>
    public DependencyCycle? Cycle { get; init; }
}

public enum ScheduleWarningKind
{
    /// <summary>A must-finish-on date is earlier than the activity's logic allows; the fixed date was kept.</summary>
    ConstraintConflict,
}

/// <summary>A plan that could be scheduled but breaks a rule; <see cref="LogicDate"/> is the early finish the logic wanted.</summary>
public sealed record ScheduleWarning(ScheduleWarningKind Kind, string ActivityId, DateOnly LogicDate);

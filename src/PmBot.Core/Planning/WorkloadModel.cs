using System.Globalization;

namespace PmBot.Core.Planning;

/// <summary>A person's share (1-100% of their time) on a task.</summary>
public sealed record WorkloadAssignment(string MemberId, int Percent);

/// <summary>
/// A scheduled task with the people on it. <see cref="Start"/> and <see cref="Finish"/> are inclusive working days
/// (as <see cref="ScheduledActivity.EarlyStart"/> / <see cref="ScheduledActivity.EarlyFinish"/>); leave milestones out,
/// they take no time.
/// </summary>
public sealed record WorkloadTask(string Id, DateOnly Start, DateOnly Finish, IReadOnlyList<WorkloadAssignment> Assignments)
{
    /// <summary>Working days the task may slip without moving the project's finish.</summary>
    public int TotalFloat { get; init; }

    /// <summary>Working days the task may slip without moving any successor.</summary>
    public int FreeFloat { get; init; }

    public bool IsCritical { get; init; }

    /// <summary>The task as scheduled, with these people on it.</summary>
    public static WorkloadTask From(ScheduledActivity activity, IReadOnlyList<WorkloadAssignment> assignments) =>
        new(activity.Id, activity.EarlyStart, activity.EarlyFinish, assignments)
        {
            TotalFloat = activity.TotalFloat,
            FreeFloat = activity.FreeFloat,
            IsCritical = activity.IsCritical,
        };
}

/// <summary>A person and the hours a week they can work.</summary>
public sealed record WorkloadMember(string Id, decimal CapacityHoursPerWeek);

/// <summary>
/// What <see cref="Workload.Compute"/> needs. Every member named in an assignment must be in <see cref="Members"/>;
/// members with no assignment are candidates to take work over. Member ids are also the calendar's resource ids
/// (their days off).
/// </summary>
public sealed record WorkloadInput(IReadOnlyList<WorkloadTask> Tasks, IReadOnlyList<WorkloadMember> Members)
{
    /// <summary>Defaults to <see cref="WorkCalendar.Standard"/> (Monday to Friday).</summary>
    public WorkCalendar Calendar { get; init; } = WorkCalendar.Standard;
}

/// <summary>The hours one task takes from one person in one week.</summary>
public sealed record TaskHours(string TaskId, decimal Hours);

/// <summary>
/// One person's load in one ISO week: the hours their tasks take, against the hours they can work that week (their
/// weekly capacity shared over the calendar's working weekdays, less holidays and their days off).
/// </summary>
public sealed record WeekLoad(DateOnly WeekStart, decimal Hours, decimal CapacityHours, IReadOnlyList<TaskHours> Tasks)
{
    /// <summary>Hours as a percentage of the week's capacity (0 when they cannot work that week).</summary>
    public decimal Percent => CapacityHours == 0 ? 0 : Hours * 100 / CapacityHours;

    public bool IsOverAllocated => Hours > CapacityHours;

    /// <summary>E.g. <c>2027-W05</c>.</summary>
    public string IsoWeek => Workload.IsoWeek(WeekStart);
}

/// <summary>One person's load week by week, over every week of the report.</summary>
public sealed record MemberWorkload(string MemberId, decimal CapacityHoursPerWeek, IReadOnlyList<WeekLoad> Weeks);

/// <summary>A week in which a person has more work than capacity, and the tasks that cause it.</summary>
public sealed record OverAllocation(string MemberId, DateOnly WeekStart, decimal Hours, decimal CapacityHours, IReadOnlyList<string> TaskIds)
{
    public decimal Percent => CapacityHours == 0 ? 0 : Hours * 100 / CapacityHours;

    public string IsoWeek => Workload.IsoWeek(WeekStart);
}

public enum LevelingKind
{
    /// <summary>Start the task later, within its total float: the project's finish does not move.</summary>
    Delay,

    /// <summary>Give the member's share of the task to someone with room in those weeks.</summary>
    Reassign,
}

/// <summary>
/// One step that relieves <see cref="MemberId"/> in the week starting <see cref="WeekStart"/>. A delay is by
/// <see cref="DelayDays"/> working days to <see cref="NewStart"/>–<see cref="NewFinish"/>; when it is more than the
/// task's free float (<see cref="MovesSuccessors"/>) its successors move too, the project's finish does not. A
/// reassignment moves <see cref="Percent"/> of the task from the member to <see cref="ToMemberId"/>.
/// </summary>
public sealed record LevelingSuggestion(LevelingKind Kind, string TaskId, string MemberId, DateOnly WeekStart)
{
    public int DelayDays { get; init; }
    public DateOnly NewStart { get; init; }
    public DateOnly NewFinish { get; init; }
    public int TotalFloat { get; init; }
    public bool MovesSuccessors { get; init; }
    public string? ToMemberId { get; init; }
    public int Percent { get; init; }
}

/// <summary>
/// The outcome of <see cref="Workload.Compute"/>. <see cref="Weeks"/> are the Mondays of every ISO week from the first
/// task's start to the last task's finish; each member has a <see cref="WeekLoad"/> for each of them.
/// <see cref="OverAllocations"/> describe the plan as it is; <see cref="Suggestions"/> are applied one after the other
/// (each assumes the earlier ones), and <see cref="Unresolved"/> are the over-allocations left after all of them.
/// </summary>
public sealed record WorkloadReport(
    IReadOnlyList<DateOnly> Weeks,
    IReadOnlyList<MemberWorkload> Members,
    IReadOnlyList<OverAllocation> OverAllocations,
    IReadOnlyList<LevelingSuggestion> Suggestions,
    IReadOnlyList<OverAllocation> Unresolved);

public static partial class Workload
{
    /// <summary>The Monday of the ISO week that holds <paramref name="date"/>.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The ISO week of <paramref name="date"/>, e.g. <c>2027-W05</c>.</summary>
    public static string IsoWeek(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
    }
}

using PmBot.Core.Domain;

namespace PmBot.Core.Planning;

/// <summary>One member's planned check-in on one local date (not stored; see <see cref="CheckinOccurrence"/>).</summary>
/// <param name="LocalDate">The member's local date.</param>
/// <param name="PromptAt">The schedule's local time on that date in the member's zone, as an instant.</param>
/// <param name="ReminderAt">The reminder's moment in the window, if the schedule has reminders.</param>
/// <param name="WindowEndsAt">The end of the response window.</param>
/// <param name="AnswerableUntil">The member's next prompt of this schedule: late answers are taken until then.</param>
/// <param name="Away">Why the member is not asked that day, or null.</param>
public sealed record PlannedOccurrence(
    DateOnly LocalDate,
    DateTimeOffset PromptAt,
    DateTimeOffset? ReminderAt,
    DateTimeOffset WindowEndsAt,
    DateTimeOffset AnswerableUntil,
    AwayReason? Away);

/// <summary>
/// When a schedule asks a member: on the schedule's days at its local time in the member's own IANA zone, correct
/// across daylight-saving changes (a local time that does not exist that day, e.g. 02:30 when clocks jump from 02:00 to
/// 03:00, moves forward by the gap; one that exists twice, when clocks go back, is its first, earlier instant).
/// Days the calendar says are holidays, non-working weekdays or the member's days off are planned as away. Pure.
/// </summary>
public static class OccurrencePlanner
{
    /// <summary>The occurrences whose prompt falls in [<paramref name="from"/>, <paramref name="to"/>), by prompt time.</summary>
    /// <param name="schedule">Days, local time, window and reminder.</param>
    /// <param name="zone">The member's time zone.</param>
    /// <param name="calendar">The workspace calendar, with the member's absences as days off under <paramref name="memberKey"/>.</param>
    /// <param name="memberKey">The member's id in the calendar (<c>WorkspaceCalendar.MemberKey</c>).</param>
    /// <param name="from">Inclusive start.</param>
    /// <param name="to">Exclusive end.</param>
    public static IReadOnlyList<PlannedOccurrence> Plan(CheckinSchedule schedule, TimeZoneInfo zone, WorkCalendar calendar, string memberKey, DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<PlannedOccurrence>();
        if (schedule.Days == Weekdays.None || to <= from)
            return result;
        // Local dates whose prompt could fall in the range: a day either side covers every offset.
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (!schedule.Days.Contains(date.DayOfWeek))
                continue;
            var prompt = PromptMoment(date, schedule.LocalTime, zone);
            if (prompt < from || prompt >= to)
                continue;
            result.Add(Occurrence(schedule, zone, calendar, memberKey, date, prompt));
        }
        return result;
    }

    /// <summary>The member's occurrence on <paramref name="date"/>, or null when the schedule does not run that weekday.</summary>
    public static PlannedOccurrence? On(CheckinSchedule schedule, TimeZoneInfo zone, WorkCalendar calendar, string memberKey, DateOnly date) =>
        schedule.Days.Contains(date.DayOfWeek)
            ? Occurrence(schedule, zone, calendar, memberKey, date, PromptMoment(date, schedule.LocalTime, zone))
            : null;

    /// <summary>The instant of <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/> (see the class remarks on DST).</summary>
    public static DateTimeOffset PromptMoment(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // In the spring-forward gap: the same wall-clock distance past the gap's start, i.e. shifted by the gap.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static PlannedOccurrence Occurrence(CheckinSchedule schedule, TimeZoneInfo zone, WorkCalendar calendar, string memberKey, DateOnly date, DateTimeOffset prompt)
    {
        var window = TimeSpan.FromMinutes(schedule.WindowMinutes);
        DateTimeOffset? reminder = schedule.ReminderPercent is > 0 and < 100 ? prompt + window * (schedule.ReminderPercent / 100.0) : null;
        var next = date.AddDays(1);
        while (!schedule.Days.Contains(next.DayOfWeek))
            next = next.AddDays(1);
        var nextPrompt = PromptMoment(next, schedule.LocalTime, zone);
        var end = prompt + window;
        AwayReason? away = calendar.Holidays.Contains(date) ? AwayReason.Holiday
            : !calendar.WorkingWeekdays.Contains(date.DayOfWeek) ? AwayReason.NonWorkingDay
            : calendar.DaysOff(memberKey).Contains(date) ? AwayReason.Absence
            : null;
        return new PlannedOccurrence(date, prompt, reminder, end, nextPrompt > end ? nextPrompt : end, away);
    }
}

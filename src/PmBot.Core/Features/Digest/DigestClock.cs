using PmBot.Core.Domain;

namespace PmBot.Core.Features.Digest;

/// <summary>Local dates and times of digests in a PM's own zone, and which days have one.</summary>
public static class DigestClock
{
    /// <summary>
    /// The instant <paramref name="time"/> on <paramref name="date"/> happens in <paramref name="zone"/>: a time skipped
    /// by a daylight-saving change moves forward by the gap (02:30 becomes 03:30), a repeated one is its first occurrence.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone) =>
        Planning.OccurrencePlanner.PromptMoment(date, time, zone);

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>A digest goes out on the workspace's working days, except <paramref name="skipped"/> ones (holidays, the PM's days away).</summary>
    public static bool IsDigestDay(DateOnly date, Weekdays workingDays, IReadOnlySet<DateOnly> skipped) =>
        workingDays.Contains(date.DayOfWeek) && !skipped.Contains(date);

    /// <summary>The last digest day before <paramref name="date"/> (within two weeks; else the day before).</summary>
    public static DateOnly PreviousDigestDay(DateOnly date, Weekdays workingDays, IReadOnlySet<DateOnly> skipped)
    {
        for (var day = date.AddDays(-1); day >= date.AddDays(-14); day = day.AddDays(-1))
        {
            if (IsDigestDay(day, workingDays, skipped))
                return day;
        }
        return date.AddDays(-1);
    }
}

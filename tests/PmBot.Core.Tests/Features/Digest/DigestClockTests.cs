using PmBot.Core.Domain;
using PmBot.Core.Features.Digest;

namespace PmBot.Core.Tests.Features.Digest;

public class DigestClockTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void At_EightOClockInTwoZones_IsEachZonesOwnEight()
    {
        var date = new DateOnly(2026, 11, 24);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero), DigestClock.At(date, new TimeOnly(8, 0), NewYork));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), DigestClock.At(date, new TimeOnly(8, 0), Shanghai));
    }

    [Fact]
    public void At_DaylightSavingDays_UseThatDaysOffset()
    {
        // New York springs forward on 2027-03-14 and falls back on 2026-11-01.
        Assert.Equal(new DateTimeOffset(2027, 3, 13, 13, 0, 0, TimeSpan.Zero), DigestClock.At(new DateOnly(2027, 3, 13), new TimeOnly(8, 0), NewYork));
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 12, 0, 0, TimeSpan.Zero), DigestClock.At(new DateOnly(2027, 3, 14), new TimeOnly(8, 0), NewYork));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 13, 0, 0, TimeSpan.Zero), DigestClock.At(new DateOnly(2026, 11, 1), new TimeOnly(8, 0), NewYork));
    }

    [Fact]
    public void At_SkippedTime_MovesForwardByTheGap()
    {
        // 02:30 does not exist on 2027-03-14 in New York: it is 03:30 EDT (07:30 UTC).
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 30, 0, TimeSpan.Zero), DigestClock.At(new DateOnly(2027, 3, 14), new TimeOnly(2, 30), NewYork));
    }

    [Fact]
    public void At_RepeatedTime_IsItsFirstOccurrence()
    {
        // 01:30 happens twice on 2026-11-01 in New York: first in EDT (05:30 UTC).
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), DigestClock.At(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork));
    }

    [Fact]
    public void PreviousDigestDay_Monday_IsFridayAndSkipsHolidays()
    {
        var monday = new DateOnly(2026, 11, 30);
        var none = new HashSet<DateOnly>();
        var friday = new HashSet<DateOnly> { new(2026, 11, 27) };

        Assert.Equal(new DateOnly(2026, 11, 27), DigestClock.PreviousDigestDay(monday, Weekdays.MondayToFriday, none));
        Assert.Equal(new DateOnly(2026, 11, 26), DigestClock.PreviousDigestDay(monday, Weekdays.MondayToFriday, friday));
        Assert.Equal(new DateOnly(2026, 11, 29), DigestClock.PreviousDigestDay(monday, Weekdays.All, none));
    }
}

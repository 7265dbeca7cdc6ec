using PmBot.Core.Parsing;

namespace PmBot.Core.Tests.Parsing;

public class RelativeDateTests
{
    // A Monday.
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("2026-12-24", "2026-12-24")]
    [InlineData("2024-02-29", "2024-02-29")]
    [InlineData(" 2027-01-01 ", "2027-01-01")]
    [InlineData("today", "2026-11-23")]
    [InlineData("TODAY", "2026-11-23")]
    [InlineData("tomorrow", "2026-11-24")]
    [InlineData("yesterday", "2026-11-22")]
    [InlineData("今天", "2026-11-23")]
    [InlineData("明天", "2026-11-24")]
    [InlineData("昨天", "2026-11-22")]
    [InlineData("monday", "2026-11-23")]
    [InlineData("Mon", "2026-11-23")]
    [InlineData("tuesday", "2026-11-24")]
    [InlineData("friday", "2026-11-27")]
    [InlineData("fri", "2026-11-27")]
    [InlineData("sunday", "2026-11-29")]
    [InlineData("周一", "2026-11-23")]
    [InlineData("周五", "2026-11-27")]
    [InlineData("星期日", "2026-11-29")]
    [InlineData("+3d", "2026-11-26")]
    [InlineData("+2w", "2026-12-07")]
    [InlineData("+2W", "2026-12-07")]
    [InlineData("-1d", "2026-11-22")]
    [InlineData("+0d", "2026-11-23")]
    [InlineData("+10d", "2026-12-03")]
    public void TryParse_KnownForm_GivesThatDate(string input, string expected)
    {
        Assert.True(RelativeDate.TryParse(input, Today, out var date));
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Fact]
    public void TryParse_WeekdayFromSaturday_WrapsIntoNextWeek()
    {
        var saturday = new DateOnly(2026, 11, 28);

        Assert.True(RelativeDate.TryParse("friday", saturday, out var friday));
        Assert.True(RelativeDate.TryParse("saturday", saturday, out var same));

        Assert.Equal(new DateOnly(2026, 12, 4), friday);
        Assert.Equal(saturday, same);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("2025-02-29")]
    [InlineData("2026-1-5")]
    [InlineData("26-01-05")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("someday")]
    [InlineData("next week")]
    [InlineData("+d")]
    [InlineData("3d")]
    [InlineData("+3x")]
    [InlineData("+-3d")]
    [InlineData("+ 3d")]
    [InlineData("+99999d")]
    [InlineData("周八")]
    public void TryParse_Garbage_ReturnsFalse(string input)
    {
        Assert.False(RelativeDate.TryParse(input, Today, out _));
    }
}

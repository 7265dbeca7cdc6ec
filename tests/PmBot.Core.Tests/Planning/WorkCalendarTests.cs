using CsCheck;
using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Planning;

public class WorkCalendarTests
{
    private static readonly DateOnly Monday = new(2024, 1, 1);
    private static readonly DateOnly Friday = new(2024, 1, 5);
    private static readonly DateOnly Saturday = new(2024, 1, 6);

    [Fact]
    public void IsWorkingDay_StandardCalendar_WeekdaysOnly()
    {
        Assert.True(WorkCalendar.Standard.IsWorkingDay(Monday));
        Assert.True(WorkCalendar.Standard.IsWorkingDay(Friday));
        Assert.False(WorkCalendar.Standard.IsWorkingDay(Saturday));
        Assert.False(WorkCalendar.Standard.IsWorkingDay(Saturday.AddDays(1)));
    }

    [Fact]
    public void IsWorkingDay_HolidayAndResourceDayOff_AreNotWorking()
    {
        var calendar = new WorkCalendar(
            holidays: [new DateOnly(2024, 1, 2)],
            resourceDaysOff: new Dictionary<string, IReadOnlyCollection<DateOnly>> { ["ann"] = [new DateOnly(2024, 1, 3)] });

        Assert.False(calendar.IsWorkingDay(new DateOnly(2024, 1, 2)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2024, 1, 3)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2024, 1, 3), "ann"));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2024, 1, 3), "bob"));
    }

    [Theory]
    [InlineData("2024-01-05", 0, "2024-01-05")] // Friday, working: same day
    [InlineData("2024-01-06", 0, "2024-01-08")] // Saturday: next working day
    [InlineData("2024-01-05", 1, "2024-01-08")] // Friday + 1 = Monday
    [InlineData("2024-01-06", 1, "2024-01-08")] // Saturday + 1 = Monday
    [InlineData("2024-01-01", 5, "2024-01-08")]
    [InlineData("2024-01-08", -1, "2024-01-05")] // Monday - 1 = Friday
    [InlineData("2024-01-07", -1, "2024-01-05")] // Sunday - 1 = Friday
    [InlineData("2024-01-10", -8, "2023-12-29")]
    public void AddWorkingDays_StandardCalendar_MatchesDefinition(string from, int n, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), WorkCalendar.Standard.AddWorkingDays(DateOnly.Parse(from), n));
    }

    [Fact]
    public void AddWorkingDays_OverChristmasHolidays_SkipsThem()
    {
        var calendar = new WorkCalendar(holidays: [new(2024, 12, 25), new(2024, 12, 26), new(2025, 1, 1)]);

        Assert.Equal(new DateOnly(2024, 12, 27), calendar.AddWorkingDays(new DateOnly(2024, 12, 24), 1));
        Assert.Equal(new DateOnly(2025, 1, 2), calendar.AddWorkingDays(new DateOnly(2024, 12, 27), 3));
        Assert.Equal(new DateOnly(2024, 12, 24), calendar.AddWorkingDays(new DateOnly(2024, 12, 27), -1));
    }

    [Fact]
    public void WorkingDaysBetween_OneWeek_CountsHalfOpenRange()
    {
        Assert.Equal(5, WorkCalendar.Standard.WorkingDaysBetween(Monday, Monday.AddDays(7)));
        Assert.Equal(-5, WorkCalendar.Standard.WorkingDaysBetween(Monday.AddDays(7), Monday));
        Assert.Equal(0, WorkCalendar.Standard.WorkingDaysBetween(Friday, Saturday));
        Assert.Equal(5, WorkCalendar.Standard.CountWorkingDays(Monday, Friday));
    }

    [Fact]
    public void NextWorkingDay_CustomWeek_SundayToThursday()
    {
        var calendar = new WorkCalendar([DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday]);

        Assert.Equal(new DateOnly(2024, 1, 7), calendar.NextWorkingDay(new DateOnly(2024, 1, 4)));
    }

    [Fact]
    public void Constructor_NoWorkingWeekday_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WorkCalendar([]));
    }

    private static readonly WorkCalendar HolidayCalendar = new(
        holidays: [new(2024, 1, 15), new(2024, 2, 19), new(2024, 5, 27), new(2024, 7, 4)],
        resourceDaysOff: new Dictionary<string, IReadOnlyCollection<DateOnly>> { ["ann"] = [new(2024, 3, 4), new(2024, 3, 5)] });

    [Fact]
    public void AddWorkingDays_RandomDates_InverseOfWorkingDaysBetween()
    {
        Gen.Select(Gen.Int[0, 400], Gen.Int[-150, 150], Gen.Bool).Sample((offset, n, ann) =>
        {
            var resource = ann ? "ann" : null;
            var start = HolidayCalendar.AddWorkingDays(new DateOnly(2024, 1, 1).AddDays(offset), 0, resource);
            var end = HolidayCalendar.AddWorkingDays(start, n, resource);
            Assert.True(HolidayCalendar.IsWorkingDay(end, resource));
            Assert.Equal(n, HolidayCalendar.WorkingDaysBetween(start, end, resource));
        }, iter: 300);
    }

    [Fact]
    public void CreateIndex_RandomDates_AgreesWithCalendar()
    {
        var index = HolidayCalendar.CreateIndex(new DateOnly(2024, 1, 6), new DateOnly(2024, 6, 30));
        Assert.Equal(new DateOnly(2024, 1, 8), index.Origin);
        Gen.Int[-60, 300].Sample(offset =>
        {
            var date = new DateOnly(2024, 1, 6).AddDays(offset);
            var start = index.StartIndexOf(date);
            var finish = index.FinishIndexOf(date);
            Assert.Equal(HolidayCalendar.AddWorkingDays(date, 0), index.DateOf(start));
            Assert.True(index.DateOf(finish) <= date);
            Assert.Equal(HolidayCalendar.IsWorkingDay(date) ? start : start - 1, finish);
        }, iter: 300);
    }
}

using PmBot.Core.Domain;

namespace PmBot.Core.Tests.Domain;

public sealed class CheckinModelTests
{
    private static readonly DateTimeOffset Prompt = new(2027, 1, 4, 14, 30, 0, TimeSpan.Zero);

    private static CheckinOccurrence Occurrence() => new()
    {
        ScheduleId = Guid.NewGuid(), ProjectId = Guid.NewGuid(), MemberId = Guid.NewGuid(), LocalDate = new DateOnly(2027, 1, 4),
        PromptAt = Prompt, ReminderAt = Prompt.AddHours(3), WindowEndsAt = Prompt.AddHours(4), AnswerableUntil = Prompt.AddDays(1),
    };

    [Fact]
    public void StateAt_TheClock_MovesScheduledToSentAndThenMissed()
    {
        var occurrence = Occurrence();

        Assert.Equal(OccurrenceState.Scheduled, occurrence.StateAt(Prompt.AddMinutes(-1)));
        Assert.Equal(OccurrenceState.Sent, occurrence.StateAt(Prompt));
        Assert.Equal(OccurrenceState.Missed, occurrence.StateAt(Prompt.AddHours(4)));
    }

    [Fact]
    public void MarkAnswered_AfterTheWindow_IsLateAndAnEditKeepsTheFirstTime()
    {
        var occurrence = Occurrence();

        occurrence.MarkAnswered(Prompt.AddHours(5));
        occurrence.MarkAnswered(Prompt.AddHours(6));

        Assert.True(occurrence.Late);
        Assert.Equal(Prompt.AddHours(5), occurrence.AnsweredAt);
        Assert.Equal(Prompt.AddHours(6), occurrence.EditedAt);
        Assert.Equal(2, occurrence.Revision);
        Assert.Equal(OccurrenceState.Answered, occurrence.StateAt(Prompt.AddHours(7)));
        Assert.True(occurrence.IsAnswerable(Prompt.AddHours(23)));
        Assert.False(occurrence.IsAnswerable(Prompt.AddDays(1)));
    }

    [Fact]
    public void MarkAnswered_InTheWindow_IsNotLate()
    {
        var occurrence = Occurrence();

        occurrence.MarkAnswered(Prompt.AddHours(1));

        Assert.False(occurrence.Late);
    }

    [Fact]
    public void Keys_OfOneOccurrence_AreDistinctAndCarryScheduleMemberAndDate()
    {
        var occurrence = Occurrence();

        Assert.StartsWith($"checkin:{occurrence.ScheduleId:N}:{occurrence.MemberId:N}:2027-01-04:", occurrence.PromptKey, StringComparison.Ordinal);
        Assert.Equal(3, new[] { occurrence.PromptKey, occurrence.ReminderKey, occurrence.SummaryKey }.Distinct().Count());
    }

    [Fact]
    public void ChangeSince_TheLastDigest_TellsNewChangedUnchangedAndResolved()
    {
        var digest = Prompt;
        Blocker Make(DateTimeOffset opened) => new() { ProjectId = Guid.NewGuid(), Number = 1, MemberId = Guid.NewGuid(), Text = "API key", OpenedAt = opened, ChangedAt = opened };
        var old = Make(digest.AddDays(-2));
        var fresh = Make(digest.AddHours(1));
        var changed = Make(digest.AddDays(-2));
        changed.Update("API key and VPN", null, digest.AddHours(2));
        var resolved = Make(digest.AddDays(-2));
        resolved.Resolve(Guid.NewGuid(), digest.AddHours(3));

        Assert.Equal(BlockerChange.Unchanged, old.ChangeSince(digest));
        Assert.Equal(BlockerChange.New, fresh.ChangeSince(digest));
        Assert.Equal(BlockerChange.Changed, changed.ChangeSince(digest));
        Assert.Equal(BlockerChange.Resolved, resolved.ChangeSince(digest));
        Assert.False(old.Update("API key", null, digest));
    }

    [Theory]
    [InlineData("mon-fri", Weekdays.MondayToFriday, "mon-fri")]
    [InlineData("mon,tue,wed,thu,fri", Weekdays.MondayToFriday, "mon-fri")]
    [InlineData("Monday, Wednesday, Friday", Weekdays.Monday | Weekdays.Wednesday | Weekdays.Friday, "mon,wed,fri")]
    [InlineData("sat-sun", Weekdays.Saturday | Weekdays.Sunday, "sat,sun")]
    [InlineData("fri-mon", Weekdays.Friday | Weekdays.Saturday | Weekdays.Sunday | Weekdays.Monday, "mon,fri-sun")]
    [InlineData("daily", Weekdays.All, "daily")]
    public void WeekdaySet_ParseAndFormat_RoundTrip(string text, Weekdays expected, string formatted)
    {
        Assert.True(WeekdaySet.TryParse(text, out var days));
        Assert.Equal(expected, days);
        Assert.Equal(formatted, days.Format());
    }

    [Theory]
    [InlineData("")]
    [InlineData("mo")]
    [InlineData("monday-funday")]
    [InlineData("mon-tue-wed")]
    [InlineData("weekend")]
    public void WeekdaySet_Nonsense_IsRefused(string text)
    {
        Assert.False(WeekdaySet.TryParse(text, out _));
    }
}

using PmBot.Core.Domain;
using PmBot.Core.Features.Calendar;
using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Planning;

public sealed class OccurrencePlannerTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly Guid Bob = Guid.NewGuid();

    private static CheckinSchedule Schedule(string time = "09:30", Weekdays days = Weekdays.All, int window = 240, int reminder = 80) => new()
    {
        WorkspaceId = Guid.NewGuid(), ProjectId = Guid.NewGuid(), TemplateId = Guid.NewGuid(), Number = 1, Days = days,
        LocalTime = TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), TimeZone = "UTC", WindowMinutes = window, ReminderPercent = reminder,
        SummaryConversationId = "C1", CreatedByMemberId = Guid.NewGuid(),
    };

    private static WorkCalendar Calendar(Weekdays workdays = Weekdays.All, DateOnly[]? holidays = null, Absence[]? absences = null) =>
        WorkspaceCalendar.Build(workdays, holidays ?? [], absences ?? [], new DateOnly(2027, 1, 1));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Plan_NewYorkAcrossTheSpringForwardDay_KeepsNineThirtyLocal()
    {
        // 2027-03-14: clocks in New York go from 02:00 EST to 03:00 EDT.
        var plan = OccurrencePlanner.Plan(Schedule(), NewYork, Calendar(), "x", Utc(2027, 3, 13, 0, 0), Utc(2027, 3, 16, 0, 0));

        Assert.Equal([new DateOnly(2027, 3, 13), new DateOnly(2027, 3, 14), new DateOnly(2027, 3, 15)], plan.Select(p => p.LocalDate));
        Assert.Equal(Utc(2027, 3, 13, 14, 30), plan[0].PromptAt);
        Assert.Equal(Utc(2027, 3, 14, 13, 30), plan[1].PromptAt);
        Assert.Equal(Utc(2027, 3, 15, 13, 30), plan[2].PromptAt);
    }

    [Fact]
    public void Plan_ShanghaiOnTheNewYorkChangeDay_IsUnaffectedAndPromptsTheEveningBeforeInNewYork()
    {
        var plan = OccurrencePlanner.Plan(Schedule(), Shanghai, Calendar(), "x", Utc(2027, 3, 13, 0, 0), Utc(2027, 3, 16, 0, 0));

        Assert.Equal([Utc(2027, 3, 13, 1, 30), Utc(2027, 3, 14, 1, 30), Utc(2027, 3, 15, 1, 30)], plan.Select(p => p.PromptAt));
        // Shanghai's Monday 09:30 is Sunday 21:30 in New York (EDT since that morning).
        Assert.Equal(new DateTime(2027, 3, 14, 21, 30, 0), TimeZoneInfo.ConvertTime(plan[2].PromptAt, NewYork).DateTime);
    }

    [Fact]
    public void PromptMoment_InTheSpringForwardGap_MovesForwardByTheGap()
    {
        var moment = OccurrencePlanner.PromptMoment(new DateOnly(2027, 3, 14), new TimeOnly(2, 30), NewYork);

        Assert.Equal(Utc(2027, 3, 14, 7, 30), moment);
        Assert.Equal(new DateTime(2027, 3, 14, 3, 30, 0), TimeZoneInfo.ConvertTime(moment, NewYork).DateTime);
    }

    [Fact]
    public void PromptMoment_TwiceOnTheFallBackDay_IsTheFirstInstant()
    {
        // 2027-11-07: 01:30 happens twice in New York (EDT, then EST); the first is 05:30 UTC.
        Assert.Equal(Utc(2027, 11, 7, 5, 30), OccurrencePlanner.PromptMoment(new DateOnly(2027, 11, 7), new TimeOnly(1, 30), NewYork));
    }

    [Fact]
    public void Plan_WindowAndReminder_FollowThePromptAndTheNextOccurrence()
    {
        var schedule = Schedule(days: Weekdays.MondayToFriday, window: 240, reminder: 80);

        // Friday 2027-01-08 and Monday 2027-01-11 in Shanghai.
        var plan = OccurrencePlanner.Plan(schedule, Shanghai, Calendar(), "x", Utc(2027, 1, 8, 0, 0), Utc(2027, 1, 11, 2, 0));

        Assert.Equal(2, plan.Count);
        var friday = plan[0];
        Assert.Equal(Utc(2027, 1, 8, 1, 30), friday.PromptAt);
        Assert.Equal(Utc(2027, 1, 8, 4, 42), friday.ReminderAt);
        Assert.Equal(Utc(2027, 1, 8, 5, 30), friday.WindowEndsAt);
        Assert.Equal(plan[1].PromptAt, friday.AnswerableUntil);
    }

    [Fact]
    public void Plan_NoReminder_HasNoReminderMoment()
    {
        var plan = OccurrencePlanner.Plan(Schedule(reminder: 0), Shanghai, Calendar(), "x", Utc(2027, 1, 8, 0, 0), Utc(2027, 1, 9, 0, 0));

        Assert.Null(Assert.Single(plan).ReminderAt);
    }

    [Fact]
    public void Plan_RangeIsHalfOpen_PromptAtTheEndIsNotIncluded()
    {
        var plan = OccurrencePlanner.Plan(Schedule(), Shanghai, Calendar(), "x", Utc(2027, 1, 8, 1, 30), Utc(2027, 1, 9, 1, 30));

        Assert.Equal(Utc(2027, 1, 8, 1, 30), Assert.Single(plan).PromptAt);
    }

    [Fact]
    public void Plan_HolidayAbsenceAndWeekend_AreAwayWithTheirReason()
    {
        var absence = new Absence { WorkspaceId = Guid.NewGuid(), MemberId = Bob, From = new DateOnly(2027, 1, 12), To = new DateOnly(2027, 1, 12) };
        var calendar = Calendar(Weekdays.MondayToFriday, [new DateOnly(2027, 1, 11)], [absence]);

        var plan = OccurrencePlanner.Plan(Schedule(), Shanghai, calendar, WorkspaceCalendar.MemberKey(Bob), Utc(2027, 1, 9, 0, 0), Utc(2027, 1, 14, 0, 0));

        Assert.Equal(
            [AwayReason.NonWorkingDay, AwayReason.NonWorkingDay, AwayReason.Holiday, AwayReason.Absence, null],
            plan.Select(p => p.Away));
    }

    [Fact]
    public void Plan_AbsenceOfAnotherMember_DoesNotMakeThisOneAway()
    {
        var absence = new Absence { WorkspaceId = Guid.NewGuid(), MemberId = Bob, From = new DateOnly(2027, 1, 12), To = new DateOnly(2027, 1, 12) };

        var plan = OccurrencePlanner.Plan(Schedule(), Shanghai, Calendar(absences: [absence]), WorkspaceCalendar.MemberKey(Guid.NewGuid()),
            Utc(2027, 1, 12, 0, 0), Utc(2027, 1, 13, 0, 0));

        Assert.Null(Assert.Single(plan).Away);
    }

    [Fact]
    public void Plan_DaysOfTheSchedule_OnlyThoseDays()
    {
        var plan = OccurrencePlanner.Plan(Schedule(days: Weekdays.Monday | Weekdays.Wednesday), NewYork, Calendar(), "x", Utc(2027, 1, 4, 0, 0), Utc(2027, 1, 11, 0, 0));

        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday], plan.Select(p => p.LocalDate.DayOfWeek));
        // Monday's answers are taken until Wednesday's prompt.
        Assert.Equal(plan[1].PromptAt, plan[0].AnswerableUntil);
    }
}

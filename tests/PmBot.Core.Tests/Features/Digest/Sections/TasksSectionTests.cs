using PmBot.Core.Domain;
using PmBot.Core.Features.Digest.Sections;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Planning;
using static PmBot.Core.Tests.Features.Digest.DigestFixtures;

namespace PmBot.Core.Tests.Features.Digest.Sections;

public class TasksSectionTests
{
    // From Monday 2026-11-16: A 3 days (to Wed 18), B 5 days after A (Thu 19 - Wed 25), C 2 days (to Tue 17), D done,
    // F 6 days (to Mon 23), then E 1 day on Tuesday 24 (under the parent P).
    private static TaskFigures Figures(DateOnly today, WorkCalendar? calendar = null)
    {
        var project = Project(start: new DateOnly(2026, 11, 16));
        var wbs = Wbs(project,
            ("A", 3, 0, WorkItemStatus.InProgress),
            ("B", 5, 0, WorkItemStatus.NotStarted),
            ("C", 2, 0, WorkItemStatus.NotStarted),
            ("D", 2, 0, WorkItemStatus.Done),
            ("P", 0, 0, WorkItemStatus.NotStarted),
            ("E", 1, 5, WorkItemStatus.NotStarted),
            ("F", 6, 0, WorkItemStatus.InProgress));
        var schedule = CpmScheduler.Schedule(new ScheduleInput(project.PlannedStart!.Value,
            [new("APOLLO-1", 3), new("APOLLO-2", 5), new("APOLLO-3", 2), new("APOLLO-4", 2), new("APOLLO-6", 1), new("APOLLO-7", 6)],
            [new("APOLLO-1", "APOLLO-2"), new("APOLLO-7", "APOLLO-6")]) { Calendar = calendar ?? WorkCalendar.Standard });
        var owner = Member("Bob");
        wbs.Items[0].OwnerMemberId = owner.Id;
        return TasksSection.Compute(wbs, schedule, today, ById(owner));
    }

    [Fact]
    public void Compute_Tuesday_SlippedAreDueByTodayAndNotDone()
    {
        var figures = Figures(Today);

        Assert.Equal(["APOLLO-3", "APOLLO-1", "APOLLO-7", "APOLLO-6"], figures.Slipped.Select(t => t.Id));
        Assert.Equal([5, 4, 1, 0], figures.Slipped.Select(t => t.LateDays));
        Assert.Equal("Bob", figures.Slipped[1].Owner);
        Assert.Equal(5, figures.OpenTasks);
    }

    [Fact]
    public void Compute_HolidayInBetween_LateDaysCountTheScheduleCalendar()
    {
        // Thursday 19 is a holiday: C, due Tuesday 17, is 4 working days late on Tuesday 24, not 5; F moves to Tuesday 24.
        var figures = Figures(Today, new WorkCalendar(holidays: [new DateOnly(2026, 11, 19)]));

        var late = figures.Slipped.ToDictionary(t => t.Id, t => t.LateDays);
        Assert.Equal(4, late["APOLLO-3"]);
        Assert.Equal(0, late["APOLLO-7"]);
    }

    [Fact]
    public void Compute_Tuesday_StartingTodayIsTheTaskScheduledToStart()
    {
        var figures = Figures(Today);

        Assert.Equal(["APOLLO-6"], figures.StartingToday.Select(t => t.Id));
    }

    [Fact]
    public void Render_Tuesday_ListsBothGroupsAndTheScheduleButton()
    {
        var part = TasksSection.Render(Figures(Today), Project(), Localizer.English);

        var text = Assert.IsType<TextBlock>(part.Blocks[0]).Markdown;
        Assert.Contains("4 due and not done, 1 starting today, 5 open in all", text, StringComparison.Ordinal);
        Assert.Contains("- *APOLLO-3* C · not started 0% · 5 working day(s) late (due 2026-11-17)", text, StringComparison.Ordinal);
        Assert.Contains("- *APOLLO-7* F · in progress 0% · 1 working day(s) late (due 2026-11-23)", text, StringComparison.Ordinal);
        Assert.Contains("- *APOLLO-6* E · not started 0% · due today", text, StringComparison.Ordinal);
        Assert.Contains("*Starting today:*\n- *APOLLO-6* E · not started 0% · finishes 2026-11-24", text, StringComparison.Ordinal);
        Assert.Equal("plan schedule project APOLLO", Assert.Single(Assert.IsType<ActionsBlock>(part.Blocks[1]).Buttons).Command);
        Assert.Equal("4 tasks due and not done", part.Headline);
    }

    [Fact]
    public void Compute_BeforeTheStart_NothingSlipped()
    {
        var figures = Figures(new DateOnly(2026, 11, 13));

        Assert.Empty(figures.Slipped);
        Assert.Empty(figures.StartingToday);
    }
}

using PmBot.Core.Domain;
using PmBot.Core.Features.Digest.Sections;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using static PmBot.Core.Tests.Features.Digest.DigestFixtures;

namespace PmBot.Core.Tests.Features.Digest.Sections;

public class ParticipationSectionTests
{
    private static readonly Member Ann = Member("Ann");
    private static readonly Member Bob = Member("Bob");
    private static readonly Member Carla = Member("Carla");
    private static readonly Member Dan = Member("Dan");
    private static readonly Member Eve = Member("Eve");
    private static readonly Dictionary<Guid, string> OneTemplate = new() { [Standup] = "standup" };

    private static ParticipationFigures Figures() => ParticipationSection.Compute(
        [
            Occurrence(Ann, 20, OccurrenceState.Answered, answeredAt: Now.AddHours(-19)),
            Occurrence(Bob, 20, OccurrenceState.Answered, answeredAt: Now.AddHours(-2), late: true),
            // Written as sent, but its window closed 16 hours ago: missed.
            Occurrence(Carla, 20, OccurrenceState.Sent),
            Occurrence(Dan, 20, OccurrenceState.Away, away: AwayReason.Absence),
            // Prompted an hour ago: still open.
            Occurrence(Eve, 1, OccurrenceState.Scheduled),
        ],
        ById(Ann, Bob, Carla, Dan, Eve), OneTemplate, Now);

    [Fact]
    public void Compute_MixedDay_CountsEachStateAtNow()
    {
        var figures = Figures();

        Assert.Equal(2, figures.Count(OccurrenceState.Answered));
        Assert.Equal(1, figures.Late);
        Assert.Equal(1, figures.Count(OccurrenceState.Missed));
        Assert.Equal(1, figures.Count(OccurrenceState.Away));
        Assert.Equal(1, figures.Count(OccurrenceState.Sent));
        Assert.Equal(["Ann", "Bob", "Carla", "Dan", "Eve"], figures.Lines.Select(l => l.Member.DisplayName));
    }

    [Fact]
    public void Render_MixedDay_ListsMembersPerStateWithReasons()
    {
        var part = ParticipationSection.Render(Figures(), Project(), Localizer.English);

        var text = Assert.IsType<TextBlock>(part.Blocks[0]).Markdown;
        Assert.Contains("2 of 5 answered (1 late), 1 missed, 1 away, 1 still open", text, StringComparison.Ordinal);
        Assert.Contains("❌ Missed: Carla", text, StringComparison.Ordinal);
        Assert.Contains("⏳ Still open: Eve", text, StringComparison.Ordinal);
        Assert.Contains("🌴 Away: Dan (on leave)", text, StringComparison.Ordinal);
        Assert.Contains("✅ Answered: Ann, Bob (late)", text, StringComparison.Ordinal);
        Assert.Equal("2/5 check-ins answered, 1 missed", part.Headline);
    }

    [Fact]
    public void Render_MissedAndOpen_NudgeButtonsForThemOnly()
    {
        var part = ParticipationSection.Render(Figures(), Project(), Localizer.English);

        var buttons = Assert.IsType<ActionsBlock>(part.Blocks[1]).Buttons;
        Assert.Equal(["nudge <@carla> project APOLLO", "nudge <@eve> project APOLLO"], buttons.Select(b => b.Command));
        Assert.Equal("Nudge Carla", buttons[0].Label);
    }

    [Fact]
    public void Render_NoLongerAnswerable_NoNudgeButton()
    {
        // Prompted 30 hours ago: answerable for a day, so no longer.
        var figures = ParticipationSection.Compute([Occurrence(Carla, 30, OccurrenceState.Missed)], ById(Carla), OneTemplate, Now);

        var part = ParticipationSection.Render(figures, Project(), Localizer.English);

        Assert.DoesNotContain(part.Blocks, b => b is ActionsBlock);
    }

    [Fact]
    public void Compute_TwoTemplates_LabelsEachLineWithItsTemplate()
    {
        var pulse = new Dictionary<Guid, string> { [Standup] = "standup", [PulseSchedule] = "pulse" };
        var figures = ParticipationSection.Compute(
            [Occurrence(Ann, 20, OccurrenceState.Answered, answeredAt: Now.AddHours(-19)), Occurrence(Ann, 3, OccurrenceState.Scheduled, schedule: PulseSchedule)],
            ById(Ann), pulse, Now);

        var text = Assert.IsType<TextBlock>(ParticipationSection.Render(figures, Project(), Localizer.English).Blocks[0]).Markdown;

        Assert.Contains("✅ Answered: Ann (standup)", text, StringComparison.Ordinal);
        Assert.Contains("⏳ Still open: Ann (pulse)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoCheckins_SaysSoInChinese()
    {
        var part = ParticipationSection.Render(new ParticipationFigures([]), Project(), Localizer.Chinese);

        Assert.Contains("自上次摘要以来没有到期的签到", Assert.IsType<TextBlock>(Assert.Single(part.Blocks)).Markdown, StringComparison.Ordinal);
        Assert.Null(part.Headline);
    }

    [Fact]
    public void Render_ManyMissed_ListsThirtyAndCountsTheRest()
    {
        var members = Enumerable.Range(1, 45).Select(i => Member($"M{i:00}")).ToArray();
        var figures = ParticipationSection.Compute(members.Select(m => Occurrence(m, 20)), ById(members), OneTemplate, Now);

        var part = ParticipationSection.Render(figures, Project(), Localizer.English);

        Assert.Contains("M30 and 15 more", Assert.IsType<TextBlock>(part.Blocks[0]).Markdown, StringComparison.Ordinal);
        Assert.Equal(ParticipationSection.MaxNudgeButtons, Assert.IsType<ActionsBlock>(part.Blocks[1]).Buttons.Count);
    }
}

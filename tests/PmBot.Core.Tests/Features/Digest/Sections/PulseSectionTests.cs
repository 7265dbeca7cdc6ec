using PmBot.Core.Domain;
using PmBot.Core.Features.Digest;
using PmBot.Core.Features.Digest.Sections;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using static PmBot.Core.Tests.Features.Digest.DigestFixtures;

namespace PmBot.Core.Tests.Features.Digest.Sections;

public class PulseSectionTests
{
    private static readonly Member Carla = Member("Carla");
    private static readonly Member Dora = Member("Dora");
    private static readonly Member Erik = Member("Erik");

    private static readonly CheckinTemplate Template = new() { WorkspaceId = WorkspaceId, Name = "pulse", BuiltIn = BuiltInTemplates.Pulse };

    private static readonly CheckinQuestion Satisfaction = new() { TemplateId = Template.Id, Position = 1, Kind = QuestionKind.Scale, TextKey = "checkin.q.satisfaction" };
    private static readonly CheckinQuestion ShouldKnow = new() { TemplateId = Template.Id, Position = 2, Kind = QuestionKind.Text, TextKey = "checkin.q.should_know" };
    private static readonly CheckinQuestion Decisions = new() { TemplateId = Template.Id, Position = 3, Kind = QuestionKind.Text, TextKey = PulseFigures.DecisionsKey };

    private static readonly CheckinSchedule Schedule = new()
    {
        Id = PulseSchedule, WorkspaceId = WorkspaceId, ProjectId = Guid.Empty, TemplateId = Template.Id, Number = 2, Days = Weekdays.Friday,
        LocalTime = new TimeOnly(10, 0), TimeZone = "UTC", Audience = AudienceRole.Stakeholders, SummaryConversationId = "c", CreatedByMemberId = Guid.Empty,
    };

    private static (CheckinOccurrence, CheckinAnswer[]) Pulse(Member who, int score, string note, string decisions, int daysAgo)
    {
        var occurrence = Occurrence(who, 24 * daysAgo, OccurrenceState.Answered, schedule: PulseSchedule, answeredAt: Now.AddDays(-daysAgo).AddHours(1));
        CheckinAnswer Answer(CheckinQuestion q, string text, int? number = null) => new() { OccurrenceId = occurrence.Id, QuestionId = q.Id, Text = text, Number = number, AnsweredAt = Now };
        return (occurrence, [Answer(Satisfaction, score.ToString(System.Globalization.CultureInfo.InvariantCulture), score), Answer(ShouldKnow, note), Answer(Decisions, decisions)]);
    }

    private static PulseFigures Figures()
    {
        var (carla, carlaAnswers) = Pulse(Carla, 2, "The demo slipped twice.", "Approve the vendor contract", 1);
        var (dora, doraAnswers) = Pulse(Dora, 5, "", "none", 4);
        var (erik, erikAnswers) = Pulse(Erik, 4, "Happy with the pace", "n/a", 6);
        return PulseFigures.From(new PulseInput([Schedule], [Satisfaction, ShouldKnow, Decisions], [carla, dora, erik], [.. carlaAnswers, .. doraAnswers, .. erikAnswers]), ById(Carla, Dora, Erik));
    }

    [Fact]
    public void From_LatestAnswers_ScoresAverageAndLowCount()
    {
        var figures = Figures();

        Assert.Equal(["Carla", "Erik", "Dora"], figures.Latest.Select(a => a.Member.DisplayName));
        Assert.Equal(11 / 3.0, figures.Average!.Value, 6);
        Assert.Equal(1, figures.LowCount);
        Assert.True(figures.Latest[0].Low);
    }

    [Fact]
    public void From_DecisionsThatSayNothing_AreNotWaiting()
    {
        var waiting = Figures().DecisionsWaiting.ToList();

        Assert.Equal("Approve the vendor contract", Assert.Single(waiting).Decisions);
    }

    [Fact]
    public void Render_LowScore_IsFlaggedAndDecisionsListed()
    {
        var part = PulseSection.Render(Figures(), Localizer.English);

        var text = Assert.IsType<TextBlock>(Assert.Single(part.Blocks)).Markdown;
        Assert.Contains("average 3.7/5 over 3 latest score(s); 1 low (2 or less)", text, StringComparison.Ordinal);
        Assert.Contains("- ⚠️ Carla: 2/5 (2026-11-23) — “The demo slipped twice.”", text, StringComparison.Ordinal);
        Assert.Contains("- Dora: 5/5 (2026-11-20)", text, StringComparison.Ordinal);
        Assert.Contains("*Decisions waiting:*\n- Carla: “Approve the vendor contract” (2026-11-23)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("⚠️ Dora", text, StringComparison.Ordinal);
        Assert.Equal("1 low pulse score(s)", part.Headline);
    }

    [Fact]
    public void Render_NoAnswers_SaysHowFarItLooked()
    {
        var part = PulseSection.Render(new PulseFigures([]), Localizer.English);

        Assert.Contains($"no answers in the last {ProjectData.PulseLookbackDays} days", Assert.IsType<TextBlock>(Assert.Single(part.Blocks)).Markdown, StringComparison.Ordinal);
    }
}

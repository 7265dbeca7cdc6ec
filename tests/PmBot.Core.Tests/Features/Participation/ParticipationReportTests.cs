using System.Text;
using PmBot.Core.Domain;
using PmBot.Core.Features.Participation;
using PmBot.Core.Localization;
using static PmBot.Core.Tests.Features.Digest.DigestFixtures;

namespace PmBot.Core.Tests.Features.Participation;

public class ParticipationReportTests
{
    private static readonly Member Bob = Member("Bob");
    private static readonly Member Wei = Member("Wei 张伟", "wei");

    // Bob over two weeks (prompts 09:00 UTC): week of 11-16: answered Mon (30 min), missed Tue, away Wed-Thu (absence),
    // answered Fri (90 min, late); week of 11-23: answered Mon (10 min), and Tuesday's prompt still open.
    private static IEnumerable<CheckinOccurrence> BobsDays()
    {
        CheckinOccurrence Day(int day, OccurrenceState state, int? minutes = null, AwayReason? away = null, bool late = false)
        {
            var prompt = new DateTimeOffset(2026, 11, day, 9, 0, 0, TimeSpan.Zero);
            return Occurrence(Bob, (Now - prompt).TotalHours, state, away: away, answeredAt: minutes is { } m ? prompt.AddMinutes(m) : null, late: late, date: new DateOnly(2026, 11, day));
        }
        yield return Day(16, OccurrenceState.Answered, 30);
        yield return Day(17, OccurrenceState.Missed);
        yield return Day(18, OccurrenceState.Away, away: AwayReason.Absence);
        yield return Day(19, OccurrenceState.Away, away: AwayReason.Absence);
        yield return Day(20, OccurrenceState.Answered, 90, late: true);
        yield return Day(23, OccurrenceState.Answered, 10);
        yield return Day(24, OccurrenceState.Sent);
    }

    private static MemberParticipation Bobs() => Assert.Single(ParticipationReport.Compute(BobsDays(), ById(Bob, Wei), Now.AddHours(-3)));

    [Fact]
    public void Compute_TwoWeeks_RatePerWeekExcludesAwayAndOpen()
    {
        var bob = Bobs();

        Assert.Equal([new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)], bob.Weeks.Select(w => w.WeekStart));
        var first = bob.Weeks[0].Tally;
        Assert.Equal((2, 1, 1, 2, 3), (first.Answered, first.Late, first.Missed, first.AwayDays, first.Asked));
        Assert.Equal(2 / 3.0, first.Rate!.Value, 6);
        var second = bob.Weeks[1].Tally;
        Assert.Equal((1, 0, 1), (second.Answered, second.Missed, second.Pending));
        Assert.Equal(1.0, second.Rate);
    }

    [Fact]
    public void Compute_TwoWeeks_TotalsStreakAndAverageAnswerTime()
    {
        var bob = Bobs();

        Assert.Equal((3, 1, 2), (bob.Total.Answered, bob.Total.Missed, bob.Total.AwayDays));
        Assert.Equal(TimeSpan.FromMinutes(130 / 3.0).TotalMinutes, bob.Total.AverageAnswerTime!.Value.TotalMinutes, 3);
        // Fri and Mon answered back from the open Tuesday; Wed-Thu away do not break it, Tuesday 17's miss does.
        Assert.Equal(2, bob.Streak);
    }

    [Fact]
    public void Streak_LatestClosedMissed_IsZero()
    {
        Assert.Equal(0, ParticipationReport.Streak([Occurrence(Bob, 30, OccurrenceState.Answered), Occurrence(Bob, 6, OccurrenceState.Sent)], Now));
    }

    [Fact]
    public void Csv_WeeksAndTotals_InvariantNumbersAndABom()
    {
        var bytes = CheckinReport.Csv(ParticipationReport.Compute(BobsDays(), ById(Bob), Now.AddHours(-3)));

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("member,user_id,week_start,asked,answered,late,missed,pending,away_days,response_rate,avg_answer_minutes,streak", lines[0]);
        Assert.Equal("Bob,bob,2026-11-16,3,2,1,1,0,2,0.667,60.0,", lines[1]);
        Assert.Equal("Bob,bob,2026-11-23,1,1,0,0,1,0,1.000,10.0,", lines[2]);
        Assert.Equal("Bob,bob,total,4,3,1,1,1,2,0.750,43.3,2", lines[3]);
    }

    [Theory]
    [InlineData("Bob", "Bob")]
    [InlineData("Smith, Bob", "\"Smith, Bob\"")]
    [InlineData("Say \"hi\"", "\"Say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    public void Cell_Text_QuotedAndNeverAFormula(string value, string expected) => Assert.Equal(expected, CheckinReport.Cell(value));

    [Theory]
    [InlineData(null, "—")]
    [InlineData(12.4, "12 min")]
    [InlineData(85.0, "1 h 25 min")]
    public void Duration_Minutes_ReadableInEnglish(double? minutes, string expected) =>
        Assert.Equal(expected, CheckinReport.Duration(minutes is { } m ? TimeSpan.FromMinutes(m) : null, Localizer.English));
}

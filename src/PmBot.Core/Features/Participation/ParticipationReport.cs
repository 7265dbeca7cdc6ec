using PmBot.Core.Domain;

namespace PmBot.Core.Features.Participation;

/// <summary>Counts of one member's check-ins over some days (a week, or the whole report).</summary>
public sealed record Tally(int Answered, int Late, int Missed, int Pending, int AwayDays, TimeSpan? AverageAnswerTime)
{
    /// <summary>Check-ins that were asked and are closed: answered or missed (away and still open ones are not counted).</summary>
    public int Asked => Answered + Missed;

    /// <summary>Answered ÷ asked; null when nothing was asked.</summary>
    public double? Rate => Asked == 0 ? null : (double)Answered / Asked;
}

/// <summary>One member's participation: per week (Monday first), in total, and their current streak.</summary>
public sealed record MemberParticipation(Member Member, IReadOnlyList<(DateOnly WeekStart, Tally Tally)> Weeks, Tally Total, int Streak);

/// <summary>
/// Check-in participation from occurrences, as of a moment: response rate (answered ÷ answered-or-missed) per member and
/// week, the current streak (answers in a row, back from the latest closed check-in; away days and open ones do not
/// break it), the average time from prompt to first answer, and days away (absences, not holidays or days off).
/// </summary>
public static class ParticipationReport
{
    public static IReadOnlyList<MemberParticipation> Compute(IEnumerable<CheckinOccurrence> occurrences, IReadOnlyDictionary<Guid, Member> members, DateTimeOffset now)
    {
        var result = new List<MemberParticipation>();
        foreach (var group in occurrences.Where(o => members.ContainsKey(o.MemberId)).GroupBy(o => o.MemberId))
        {
            var list = group.OrderBy(o => o.PromptAt).ToList();
            var weeks = list.GroupBy(o => WeekStart(o.LocalDate)).OrderBy(g => g.Key).Select(g => (g.Key, Count(g, now))).ToList();
            result.Add(new MemberParticipation(members[group.Key], weeks, Count(list, now), Streak(list, now)));
        }
        return result.OrderBy(p => p.Member.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static Tally Count(IEnumerable<CheckinOccurrence> occurrences, DateTimeOffset now)
    {
        int answered = 0, late = 0, missed = 0, pending = 0;
        var away = new HashSet<DateOnly>();
        var answerTimes = new List<TimeSpan>();
        foreach (var o in occurrences)
        {
            switch (o.StateAt(now))
            {
                case OccurrenceState.Answered:
                    answered++;
                    if (o.Late)
                        late++;
                    if (o.AnsweredAt is { } at)
                        answerTimes.Add(at > o.PromptAt ? at - o.PromptAt : TimeSpan.Zero);
                    break;
                case OccurrenceState.Missed:
                    missed++;
                    break;
                case OccurrenceState.Away:
                    if (o.AwayReason == AwayReason.Absence)
                        away.Add(o.LocalDate);
                    break;
                case OccurrenceState.Sent:
                    pending++;
                    break;
            }
        }
        TimeSpan? average = answerTimes.Count == 0 ? null : TimeSpan.FromTicks((long)answerTimes.Average(x => x.Ticks));
        return new Tally(answered, late, missed, pending, away.Count, average);
    }

    /// <summary>Answers in a row, counted back from the latest closed check-in (latest first).</summary>
    public static int Streak(IEnumerable<CheckinOccurrence> occurrences, DateTimeOffset now)
    {
        var streak = 0;
        foreach (var state in occurrences.OrderByDescending(o => o.PromptAt).Select(o => o.StateAt(now)))
        {
            if (state == OccurrenceState.Missed)
                break;
            if (state == OccurrenceState.Answered)
                streak++;
        }
        return streak;
    }
}

using System.Globalization;
using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Messages;

namespace PmBot.Core.Features.Digest.Sections;

/// <summary>One stakeholder's latest pulse: satisfaction 1-5, what we should know, decisions they wait for.</summary>
public sealed record PulseAnswer(Member Member, DateOnly Date, int? Score, string? Note, string? Decisions)
{
    public bool Low => Score <= PulseFigures.LowScore;
}

/// <summary>The stakeholders' latest pulses, low scores first.</summary>
public sealed record PulseFigures(IReadOnlyList<PulseAnswer> Latest)
{
    /// <summary>A score at or below this is flagged to the PM.</summary>
    public const int LowScore = 2;

    public double? Average => Latest.Any(a => a.Score is not null) ? Latest.Where(a => a.Score is not null).Average(a => a.Score!.Value) : null;

    public int Scored => Latest.Count(a => a.Score is not null);

    public int LowCount => Latest.Count(a => a.Low);

    public IEnumerable<PulseAnswer> DecisionsWaiting => Latest.Where(a => a.Decisions is not null);

    /// <summary>
    /// Reads each latest occurrence's answers: the template's first 1-5 question is the score, the built-in
    /// "decisions you are waiting for" question the decisions, the first other text question the note.
    /// </summary>
    public static PulseFigures From(PulseInput input, IReadOnlyDictionary<Guid, Member> members)
    {
        var templateOf = input.Schedules.ToDictionary(s => s.Id, s => s.TemplateId);
        var questions = input.Questions.GroupBy(q => q.TemplateId).ToDictionary(g => g.Key, g => g.OrderBy(q => q.Position).ToList());
        var answers = input.Answers.ToLookup(a => a.OccurrenceId);
        var latest = new List<PulseAnswer>();
        foreach (var occurrence in input.Latest)
        {
            if (!members.TryGetValue(occurrence.MemberId, out var member) || !templateOf.TryGetValue(occurrence.ScheduleId, out var templateId))
                continue;
            var asked = questions.GetValueOrDefault(templateId) ?? [];
            var given = answers[occurrence.Id].ToDictionary(a => a.QuestionId);
            string? TextOf(CheckinQuestion? q) => q is not null && given.TryGetValue(q.Id, out var a) && !string.IsNullOrWhiteSpace(a.Text) ? a.Text.Trim() : null;
            var score = asked.FirstOrDefault(q => q.Kind == QuestionKind.Scale) is { } scale && given.TryGetValue(scale.Id, out var s) ? s.Number : null;
            var decisions = asked.FirstOrDefault(q => q.TextKey == DecisionsKey);
            var note = asked.FirstOrDefault(q => q.Kind == QuestionKind.Text && q.TextKey != DecisionsKey);
            latest.Add(new PulseAnswer(member, occurrence.LocalDate, score, TextOf(note), TextOf(decisions) is { } waiting && !SaysNothing(waiting) ? waiting : null));
        }
        return new PulseFigures(latest.OrderBy(a => a.Score ?? int.MaxValue).ThenBy(a => a.Member.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList());
    }

    public const string DecisionsKey = "checkin.q.decisions";

    private static readonly HashSet<string> Nothing = new(StringComparer.OrdinalIgnoreCase)
    {
        "none", "no", "nope", "nothing", "n/a", "na", "-", "无", "没有", "暂无", "没", "否",
    };

    /// <summary>"none", "n/a", "没有": an answer that says there is no decision waiting.</summary>
    public static bool SaysNothing(string text) => Nothing.Contains(text.Trim().TrimEnd('.', '。', '!', '！'));
}

/// <summary>
/// The stakeholder pulse: each stakeholder's latest score (low ones, ≤ <see cref="PulseFigures.LowScore"/>, flagged), its
/// average, what they said we should know, and the decisions they are waiting for. Left out when the project asks no pulse.
/// </summary>
public sealed class PulseSection : IDigestSection
{
    public const int MaxLines = 20;

    public async Task<DigestPart> BuildAsync(ProjectData data, Localizer t, CancellationToken cancellationToken)
    {
        var input = await data.PulseAsync(cancellationToken);
        if (input is null)
            return DigestPart.None;
        return Render(PulseFigures.From(input, await data.MembersAsync(cancellationToken)), t);
    }

    public static DigestPart Render(PulseFigures figures, Localizer t)
    {
        if (figures.Latest.Count == 0)
            return new DigestPart([new TextBlock(t["digest.pulse.title"] + " — " + t["digest.pulse.none", ProjectData.PulseLookbackDays])]);
        var summary = figures.Average is { } average
            ? t["digest.pulse.summary", average.ToString("0.0", t.Culture), figures.Scored, figures.LowCount, PulseFigures.LowScore]
            : t["digest.pulse.no_scores", figures.Latest.Count];
        var lines = new List<string> { t["digest.pulse.title"] + " — " + summary };
        foreach (var answer in figures.Latest.Take(MaxLines))
        {
            var flag = answer.Low ? "⚠️ " : "";
            var score = answer.Score is { } value ? value.ToString(CultureInfo.InvariantCulture) + "/5" : t["common.none"];
            var note = answer.Note is null ? "" : " — “" + DigestText.Quote(answer.Note) + "”";
            lines.Add($"- {flag}{answer.Member.DisplayName}: {score} ({t.Date(answer.Date)}){note}");
        }
        if (figures.Latest.Count > MaxLines)
            lines.Add("- " + t["digest.more", figures.Latest.Count - MaxLines]);
        var decisions = figures.DecisionsWaiting.ToList();
        if (decisions.Count > 0)
        {
            lines.Add(t["digest.pulse.decisions"]);
            lines.AddRange(decisions.Take(MaxLines).Select(a => $"- {a.Member.DisplayName}: “{DigestText.Quote(a.Decisions!)}” ({t.Date(a.Date)})"));
        }
        var headline = figures.LowCount > 0 ? t["digest.pulse.headline_low", figures.LowCount] : null;
        return new DigestPart([new TextBlock(string.Join('\n', lines))], headline);
    }
}

using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Messages;

namespace PmBot.Core.Features.Digest.Sections;

/// <summary>One member's check-in in the digest's period, as it stands now.</summary>
public sealed record CheckinLine(Member Member, OccurrenceState State, bool Late, AwayReason? AwayReason, string? Template, bool Answerable);

/// <summary>The check-ins prompted since the previous digest: answered, missed, away, still open.</summary>
public sealed record ParticipationFigures(IReadOnlyList<CheckinLine> Lines)
{
    public int Count(OccurrenceState state) => Lines.Count(l => l.State == state);

    public int Late => Lines.Count(l => l.State == OccurrenceState.Answered && l.Late);
}

/// <summary>
/// Participation since the previous digest, per member: who answered (late ones counted), missed, was away (and why)
/// or may still answer; a button to nudge each of the first <see cref="MaxNudgeButtons"/> who missed or are pending.
/// </summary>
public sealed class ParticipationSection : IDigestSection
{
    public const int MaxNudgeButtons = 5;

    public async Task<DigestPart> BuildAsync(ProjectData data, Localizer t, CancellationToken cancellationToken)
    {
        var occurrences = await data.PeriodOccurrencesAsync(cancellationToken);
        var members = await data.MembersAsync(cancellationToken);
        var schedules = await data.CheckinSchedulesAsync(cancellationToken);
        var templates = await data.TemplatesAsync(cancellationToken);
        var templateOf = schedules.ToDictionary(s => s.Id, s => templates.GetValueOrDefault(s.TemplateId)?.Name ?? "#" + s.Number);
        return Render(Compute(occurrences, members, templateOf, data.Now), data.Project, t);
    }

    /// <summary>Each occurrence's state at <paramref name="now"/>; a template name only when several templates were asked.</summary>
    public static ParticipationFigures Compute(IEnumerable<CheckinOccurrence> occurrences, IReadOnlyDictionary<Guid, Member> members, IReadOnlyDictionary<Guid, string> templateOfSchedule, DateTimeOffset now)
    {
        var list = occurrences.Where(o => members.ContainsKey(o.MemberId)).ToList();
        var severalTemplates = list.Select(o => templateOfSchedule.GetValueOrDefault(o.ScheduleId)).Distinct().Count() > 1;
        return new ParticipationFigures(list
            .Select(o => new CheckinLine(members[o.MemberId], o.StateAt(now), o.Late, o.AwayReason,
                severalTemplates ? templateOfSchedule.GetValueOrDefault(o.ScheduleId) : null, o.IsAnswerable(now)))
            .OrderBy(l => l.Member.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList());
    }

    public static DigestPart Render(ParticipationFigures figures, Project project, Localizer t)
    {
        if (figures.Lines.Count == 0)
            return new DigestPart([new TextBlock(t["digest.participation.title"] + " — " + t["digest.participation.none"])]);
        var answered = figures.Count(OccurrenceState.Answered);
        var missed = figures.Count(OccurrenceState.Missed);
        var away = figures.Count(OccurrenceState.Away);
        var pending = figures.Count(OccurrenceState.Sent) + figures.Count(OccurrenceState.Scheduled);
        var lines = new List<string>
        {
            t["digest.participation.title"] + " — " + t["digest.participation.summary", answered, figures.Lines.Count, figures.Late, missed, away, pending],
        };
        void Add(string key, IEnumerable<CheckinLine> group)
        {
            var names = group.Select(l => Label(l, t)).ToList();
            if (names.Count > 0)
                lines.Add("- " + t[key, DigestText.Names(names, t)]);
        }
        Add("digest.participation.missed", figures.Lines.Where(l => l.State == OccurrenceState.Missed));
        Add("digest.participation.pending", figures.Lines.Where(l => l.State is OccurrenceState.Sent or OccurrenceState.Scheduled));
        Add("digest.participation.away", figures.Lines.Where(l => l.State == OccurrenceState.Away));
        Add("digest.participation.answered", figures.Lines.Where(l => l.State == OccurrenceState.Answered));
        var blocks = new List<Block> { new TextBlock(string.Join('\n', lines)) };
        var nudge = figures.Lines.Where(l => l.State is OccurrenceState.Missed or OccurrenceState.Sent && l.Answerable)
            .Select(l => l.Member).DistinctBy(m => m.Id).Take(MaxNudgeButtons)
            .Select(m => new ActionButton(t["digest.button.nudge", m.DisplayName], DigestText.NudgeCommand(m, project)))
            .ToList();
        if (nudge.Count > 0)
            blocks.Add(new ActionsBlock(nudge));
        var headline = missed > 0 ? t["digest.participation.headline_missed", answered, figures.Lines.Count, missed] : t["digest.participation.headline", answered, figures.Lines.Count];
        return new DigestPart(blocks, headline);
    }

    private static string Label(CheckinLine line, Localizer t)
    {
        var details = new List<string>();
        if (line.Template is not null)
            details.Add(line.Template);
        if (line.State == OccurrenceState.Answered && line.Late)
            details.Add(t["digest.participation.late"]);
        if (line.State == OccurrenceState.Away && line.AwayReason is { } reason)
            details.Add(t["digest.away." + reason.ToString().ToLowerInvariant()]);
        return details.Count == 0 ? line.Member.DisplayName : $"{line.Member.DisplayName} ({string.Join(", ", details)})";
    }
}

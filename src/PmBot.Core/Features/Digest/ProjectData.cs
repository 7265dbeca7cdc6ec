using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Planning;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Digest;

/// <summary>A project's current baseline and its items.</summary>
public sealed record CurrentBaseline(PlanBaseline Baseline, IReadOnlyList<PlanBaselineItem> Items)
{
    /// <summary>The baseline's finish: its latest item finish.</summary>
    public DateOnly Finish => Items.Count == 0 ? default : Items.Max(i => i.Finish);
}

/// <summary>
/// What a digest or a status summary reads about one project, loaded through <see cref="IPmStore"/> on first use and
/// kept for the other sections: each piece is one or two queries whatever the project's size, so a digest costs the
/// same number of queries for 10 tasks as for 10,000. Sections await pieces one after the other (one unit of work is
/// not safe for concurrent queries).
/// </summary>
public sealed class ProjectData(IPmStore store, Workspace workspace, Project project, DateOnly today, DateTimeOffset since, DateTimeOffset now)
{
    /// <summary>How far back the stakeholder pulse looks for each stakeholder's latest answer (weekly pulses: five of them).</summary>
    public const int PulseLookbackDays = 35;

    private Task<IReadOnlyDictionary<Guid, Member>>? _members;
    private Task<Wbs>? _wbs;
    private Task<ScheduleResult?>? _schedule;
    private Task<CurrentBaseline?>? _baseline;
    private Task<IReadOnlyList<CheckinSchedule>>? _schedules;
    private Task<IReadOnlyDictionary<Guid, CheckinTemplate>>? _templates;
    private Task<IReadOnlyList<CheckinOccurrence>>? _occurrences;
    private Task<IReadOnlyList<Blocker>>? _blockers;
    private Task<PulseInput?>? _pulse;

    public IPmStore Store => store;
    public Workspace Workspace => workspace;
    public Project Project => project;

    /// <summary>The date the digest or summary is for, in its reader's time zone.</summary>
    public DateOnly Today => today;

    /// <summary>The previous digest: what happened after it is new.</summary>
    public DateTimeOffset Since => since;

    public DateTimeOffset Now => now;

    /// <summary>Every member of the workspace by id (names of owners, answerers, stakeholders).</summary>
    public Task<IReadOnlyDictionary<Guid, Member>> MembersAsync(CancellationToken cancellationToken) => _members ??= LoadMembersAsync(cancellationToken);

    public Task<Wbs> WbsAsync(CancellationToken cancellationToken) => _wbs ??= LoadWbsAsync(cancellationToken);

    /// <summary>The critical-path schedule of the tasks; null when there are no tasks or the links cannot be scheduled.</summary>
    public Task<ScheduleResult?> ScheduleAsync(CancellationToken cancellationToken) => _schedule ??= LoadScheduleAsync(cancellationToken);

    public Task<CurrentBaseline?> BaselineAsync(CancellationToken cancellationToken) => _baseline ??= LoadBaselineAsync(cancellationToken);

    public Task<IReadOnlyList<CheckinSchedule>> CheckinSchedulesAsync(CancellationToken cancellationToken) =>
        _schedules ??= store.ListCheckinSchedulesAsync(workspace.Id, project.Id, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, CheckinTemplate>> TemplatesAsync(CancellationToken cancellationToken) => _templates ??= LoadTemplatesAsync(cancellationToken);

    /// <summary>The project's check-ins prompted after <see cref="Since"/> and up to <see cref="Now"/>.</summary>
    public Task<IReadOnlyList<CheckinOccurrence>> PeriodOccurrencesAsync(CancellationToken cancellationToken) => _occurrences ??= LoadOccurrencesAsync(cancellationToken);

    /// <summary>Open blockers, and those resolved after <see cref="Since"/>.</summary>
    public Task<IReadOnlyList<Blocker>> BlockersAsync(CancellationToken cancellationToken) =>
        _blockers ??= store.ListOpenAndRecentBlockersAsync(project.Id, since, cancellationToken);

    /// <summary>The stakeholder pulse's latest answers (null when the project asks no pulse).</summary>
    public Task<PulseInput?> PulseAsync(CancellationToken cancellationToken) => _pulse ??= LoadPulseAsync(cancellationToken);

    private async Task<IReadOnlyDictionary<Guid, Member>> LoadMembersAsync(CancellationToken cancellationToken) =>
        (await store.ListMembersAsync(workspace.Id, cancellationToken)).ToDictionary(m => m.Id);

    // Read-only loads (not tracked): a digest of 10,000 tasks reads them in a fraction of the time.
    private async Task<Wbs> LoadWbsAsync(CancellationToken cancellationToken) =>
        new(project, await store.ReadWorkItemsAsync(project.Id, cancellationToken));

    private async Task<ScheduleResult?> LoadScheduleAsync(CancellationToken cancellationToken)
    {
        var wbs = await WbsAsync(cancellationToken);
        return wbs.Items.Any(i => !wbs.HasChildren(i)) ? ScheduleOf.Compute(wbs, await store.ReadWorkItemLinksAsync(project.Id, cancellationToken), today) : null;
    }

    private async Task<CurrentBaseline?> LoadBaselineAsync(CancellationToken cancellationToken)
    {
        var baseline = (await store.ListBaselinesAsync(project.Id, cancellationToken)).FirstOrDefault(b => b.IsCurrent);
        return baseline is null ? null : new CurrentBaseline(baseline, await store.ListBaselineItemsAsync(baseline.Id, cancellationToken));
    }

    private async Task<IReadOnlyDictionary<Guid, CheckinTemplate>> LoadTemplatesAsync(CancellationToken cancellationToken) =>
        (await store.ListCheckinTemplatesAsync(workspace.Id, cancellationToken)).ToDictionary(t => t.Id);

    private async Task<IReadOnlyList<CheckinOccurrence>> LoadOccurrencesAsync(CancellationToken cancellationToken)
    {
        // Local dates run up to a day either side of UTC: widen the date range, then keep the prompts in the period.
        var from = DateOnly.FromDateTime(since.UtcDateTime).AddDays(-1);
        var to = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        var all = await store.ListProjectCheckinOccurrencesAsync(project.Id, from, to, cancellationToken);
        return all.Where(o => o.PromptAt > since && o.PromptAt <= now).ToList();
    }

    private async Task<PulseInput?> LoadPulseAsync(CancellationToken cancellationToken)
    {
        var templates = await TemplatesAsync(cancellationToken);
        var pulseSchedules = (await CheckinSchedulesAsync(cancellationToken))
            .Where(s => s.Audience == AudienceRole.Stakeholders || templates.GetValueOrDefault(s.TemplateId)?.BuiltIn == BuiltInTemplates.Pulse)
            .ToList();
        if (pulseSchedules.Count == 0)
            return null;
        var questions = await store.ListCheckinQuestionsOfTemplatesAsync(pulseSchedules.Select(s => s.TemplateId).Distinct().ToList(), cancellationToken);
        // Stakeholders east of the reader may already be a day ahead.
        var answered = await store.ListAnsweredCheckinOccurrencesAsync(pulseSchedules.Select(s => s.Id).ToList(), today.AddDays(-PulseLookbackDays), today.AddDays(1), cancellationToken);
        // Each stakeholder's latest answer is what counts.
        var latest = answered.GroupBy(o => o.MemberId).Select(g => g.MaxBy(o => o.AnsweredAt ?? o.PromptAt)!).ToList();
        var answers = await store.ListCheckinAnswersAsync(latest.Select(o => o.Id).ToList(), cancellationToken);
        return new PulseInput(pulseSchedules, questions, latest, answers);
    }
}

/// <summary>The stakeholder pulse as loaded: its schedules and questions, each stakeholder's latest answered occurrence and its answers.</summary>
public sealed record PulseInput(
    IReadOnlyList<CheckinSchedule> Schedules,
    IReadOnlyList<CheckinQuestion> Questions,
    IReadOnlyList<CheckinOccurrence> Latest,
    IReadOnlyList<CheckinAnswer> Answers);

using PmBot.Core.Domain;
using PmBot.Core.Features.Costs;
using PmBot.Core.Features.Digest.Sections;
using PmBot.Core.Features.Plan;
using PmBot.Core.Planning;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Digest;

/// <summary>
/// What a digest or a status summary reads about one project, loaded through <see cref="IPmStore"/> on first use and
/// kept for the other sections: each piece is one or two queries whatever the project's size, so a digest costs the
/// same number of queries for 10 tasks as for 10,000. Reads on the unit of work run one after the other (it is not safe
/// for concurrent queries); the plan's rows come through <see cref="IPmStore.ReadPlanAsync"/> on connections of their
/// own. The computations over them (schedule, forecast, earned value, budget) run on the thread pool and touch loaded
/// rows only, so after <see cref="PrepareAsync"/> they proceed on another core while the sections read.
/// </summary>
public sealed class ProjectData(IPmStore store, Workspace workspace, Project project, DateOnly today, DateTimeOffset since, DateTimeOffset now)
{
    /// <summary>How far back the stakeholder pulse looks for each stakeholder's latest answer (weekly pulses: five of them).</summary>
    public const int PulseLookbackDays = 35;

    private Task<IReadOnlyDictionary<Guid, Member>>? _members;
    private Task<Wbs>? _wbs;
    private Task<ScheduleResult?>? _schedule;
    private Task<ScheduleResult?>? _forecast;
    private Task<WorkCalendar>? _calendar;
    private Task<PlanRows>? _plan;
    private Task<IReadOnlyList<CheckinSchedule>>? _schedules;
    private Task<IReadOnlyDictionary<Guid, CheckinTemplate>>? _templates;
    private Task<IReadOnlyList<CheckinOccurrence>>? _occurrences;
    private Task<IReadOnlyList<Blocker>>? _blockers;
    private Task<PulseInput?>? _pulse;
    private Task<EvmData>? _evm;
    private Task<EvmFigures?>? _evmFigures;
    private Task<IReadOnlyList<BudgetLine>>? _budgetLines;
    private Task<ProjectBudget?>? _budget;

    public IPmStore Store => store;
    public Workspace Workspace => workspace;
    public Project Project => project;

    /// <summary>The date the digest or summary is for, in its reader's time zone.</summary>
    public DateOnly Today => today;

    /// <summary>The previous digest: what happened after it is new.</summary>
    public DateTimeOffset Since => since;

    public DateTimeOffset Now => now;

    /// <summary>Draws charts; null where PmBot runs without one (the digest then has no chart).</summary>
    public IChartRenderer? Charts { get; init; }

    /// <summary>Keeps a drawn chart behind a URL; null where PmBot runs without a file store.</summary>
    public IFilePublisher? Files { get; init; }

    /// <summary>Every member of the workspace by id (names of owners, answerers, stakeholders).</summary>
    public Task<IReadOnlyDictionary<Guid, Member>> MembersAsync(CancellationToken cancellationToken) => _members ??= LoadMembersAsync(cancellationToken);

    public Task<Wbs> WbsAsync(CancellationToken cancellationToken) => _wbs ??= LoadWbsAsync(cancellationToken);

    /// <summary>The critical-path schedule of the tasks; null when there are no tasks or the links cannot be scheduled.</summary>
    public Task<ScheduleResult?> ScheduleAsync(CancellationToken cancellationToken) => _schedule ??= LoadScheduleAsync(cancellationToken);

    /// <summary>The schedule of the work left as of <see cref="Today"/> (<see cref="ScheduleOf.Forecast"/>); null like <see cref="ScheduleAsync"/>.</summary>
    public Task<ScheduleResult?> ForecastAsync(CancellationToken cancellationToken) => _forecast ??= LoadForecastAsync(cancellationToken);

    public async Task<CurrentBaseline?> BaselineAsync(CancellationToken cancellationToken) => (await PlanAsync(cancellationToken)).Baseline;

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

    /// <summary>Earned value from the plan's rows (with the time and cost entries and the progress history) and the schedule.</summary>
    public Task<EvmData> EvmAsync(CancellationToken cancellationToken) => _evm ??= LoadEvmAsync(cancellationToken);

    /// <summary>SPI and CPI today and a week before (<see cref="EarnedValueSection.Compute"/>); null without a baseline or tasks.</summary>
    public Task<EvmFigures?> EvmFiguresAsync(CancellationToken cancellationToken) => _evmFigures ??= LoadEvmFiguresAsync(cancellationToken);

    /// <summary>The budget at <see cref="Today"/>; null when the project has no budget lines (one more query beyond the earned value's).</summary>
    public Task<ProjectBudget?> BudgetAsync(CancellationToken cancellationToken) => _budget ??= LoadBudgetAsync(cancellationToken);

    /// <summary>Items, links, baseline, progress history, time and cost entries: read together (<see cref="IPmStore.ReadPlanAsync"/>).</summary>
    private Task<PlanRows> PlanAsync(CancellationToken cancellationToken) => _plan ??= store.ReadPlanAsync(project.Id, cancellationToken);

    private async Task<IReadOnlyList<WorkItemLink>> LinksAsync(CancellationToken cancellationToken) => (await PlanAsync(cancellationToken)).Links;

    private async Task<IReadOnlyList<TimeEntry>> TimeEntriesAsync(CancellationToken cancellationToken) => (await PlanAsync(cancellationToken)).TimeEntries;

    private async Task<IReadOnlyList<CostEntry>> CostEntriesAsync(CancellationToken cancellationToken) => (await PlanAsync(cancellationToken)).CostEntries;

    private async Task<IReadOnlyList<ProgressSnapshot>> SnapshotsAsync(CancellationToken cancellationToken) => (await PlanAsync(cancellationToken)).Snapshots;

    private Task<IReadOnlyList<BudgetLine>> BudgetLinesAsync(CancellationToken cancellationToken) =>
        _budgetLines ??= store.ListBudgetLinesAsync(project.Id, cancellationToken);

    /// <summary>
    /// Reads what the digest's sections need and starts the schedule, the forecast (when there are milestones), earned
    /// value (when there is a baseline) and the budget (when there are budget lines) as soon as their rows are in. The
    /// plan's rows come on connections of their own while this unit of work reads the rest (calendar, budget lines,
    /// members, check-ins, blockers, the pulse); the sections then find their data loaded or being computed.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var plan = PlanAsync(cancellationToken);
        await CalendarAsync(cancellationToken);
        var budgeted = (await BudgetLinesAsync(cancellationToken)).Count > 0;
        await MembersAsync(cancellationToken);
        await CheckinSchedulesAsync(cancellationToken);
        await TemplatesAsync(cancellationToken);
        await PeriodOccurrencesAsync(cancellationToken);
        await BlockersAsync(cancellationToken);
        await PulseAsync(cancellationToken);
        await plan;
        var wbs = await WbsAsync(cancellationToken);
        _ = ScheduleAsync(cancellationToken);
        if (wbs.Items.Any(i => ListMilestones.IsMilestone(wbs, i)))
            _ = ForecastAsync(cancellationToken);
        if (await BaselineAsync(cancellationToken) is not null)
            _ = EvmFiguresAsync(cancellationToken);
        if (budgeted)
            _ = BudgetAsync(cancellationToken);
    }

    private async Task<EvmData> LoadEvmAsync(CancellationToken cancellationToken)
    {
        var wbs = await WbsAsync(cancellationToken);
        var links = await LinksAsync(cancellationToken);
        var baseline = await BaselineAsync(cancellationToken);
        var timeEntries = await TimeEntriesAsync(cancellationToken);
        var costEntries = await CostEntriesAsync(cancellationToken);
        var snapshots = await SnapshotsAsync(cancellationToken);
        // The same schedule the tasks and milestones use (same items, links and date), not computed a second time.
        var schedule = await ScheduleAsync(cancellationToken);
        return await Task.Run(() => new EvmData(wbs, links, baseline?.Baseline, baseline?.Items ?? [], timeEntries, costEntries, snapshots, today, schedule), cancellationToken);
    }

    private async Task<EvmFigures?> LoadEvmFiguresAsync(CancellationToken cancellationToken)
    {
        if (await BaselineAsync(cancellationToken) is null)
            return null;
        var evm = await EvmAsync(cancellationToken);
        return evm.Problem != EvmProblem.None ? null : await Task.Run(() => EarnedValueSection.Compute(evm, today), cancellationToken);
    }

    private async Task<ProjectBudget?> LoadBudgetAsync(CancellationToken cancellationToken)
    {
        var lines = await BudgetLinesAsync(cancellationToken);
        if (lines.Count == 0)
            return null;
        var members = await MembersAsync(cancellationToken);
        var wbs = await WbsAsync(cancellationToken);
        var timeEntries = await TimeEntriesAsync(cancellationToken);
        var costEntries = await CostEntriesAsync(cancellationToken);
        var schedule = await ScheduleAsync(cancellationToken);
        return await Task.Run(() => BudgetOf.Compute(wbs, CostSheet.RatesOf(members.Values), lines, timeEntries, costEntries, schedule, today), cancellationToken);
    }

    private async Task<IReadOnlyDictionary<Guid, Member>> LoadMembersAsync(CancellationToken cancellationToken) =>
        (await store.ListMembersAsync(workspace.Id, cancellationToken)).ToDictionary(m => m.Id);

    private async Task<Wbs> LoadWbsAsync(CancellationToken cancellationToken) => new(project, (await PlanAsync(cancellationToken)).Items);

    private Task<ScheduleResult?> LoadScheduleAsync(CancellationToken cancellationToken) => ScheduleAsync(ScheduleOf.Compute, cancellationToken);

    // Not after the plan: both can be computed at once (each is null where the other is).
    private Task<ScheduleResult?> LoadForecastAsync(CancellationToken cancellationToken) => ScheduleAsync(ScheduleOf.Forecast, cancellationToken);

    /// <summary>The plan or the forecast on the workspace calendar, on the thread pool; null when there are no tasks.</summary>
    private async Task<ScheduleResult?> ScheduleAsync(Func<Wbs, IReadOnlyList<WorkItemLink>, DateOnly, WorkCalendar?, ScheduleResult?> schedule, CancellationToken cancellationToken)
    {
        var wbs = await WbsAsync(cancellationToken);
        var links = await LinksAsync(cancellationToken);
        var calendar = await CalendarAsync(cancellationToken);
        return wbs.Items.Any(i => !wbs.HasChildren(i)) ? await Task.Run(() => schedule(wbs, links, today, calendar), cancellationToken) : null;
    }

    /// <summary>The workspace calendar (working days, holidays, the owners' absences) the schedule is laid on, as in <c>plan schedule</c> (two queries).</summary>
    private Task<WorkCalendar> CalendarAsync(CancellationToken cancellationToken) =>
        _calendar ??= ScheduleOf.CalendarAsync(store, workspace, project, today, cancellationToken);

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

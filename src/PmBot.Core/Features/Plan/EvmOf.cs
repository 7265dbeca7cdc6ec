using System.Runtime.InteropServices;
using PmBot.Core.Domain;
using PmBot.Core.Planning;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Plan;

/// <summary>Why a project has no earned value yet.</summary>
public enum EvmProblem
{
    None,

    /// <summary>The project has no tasks.</summary>
    NoTasks,

    /// <summary>No baseline has been saved: earned value is measured against the current one.</summary>
    NoBaseline,
}

/// <summary>One point of the S-curve: cumulative PV, EV and AC at the end of <see cref="Date"/> (EV and AC null after the status date).</summary>
public sealed record EvPoint(DateOnly Date, decimal Pv, decimal? Ev, decimal? Ac);

/// <summary>Earned value of a project at one status date, with its reading and (when the project can be scheduled) deviation analysis.</summary>
public sealed record EvmStatus(EvInput Input, EvReport Report, EvReading Reading, DeviationReport? Deviation);

/// <summary>
/// Everything earned value needs about one stored project, loaded once (<see cref="EvmOf.LoadAsync"/>); the figures at any
/// status date and the weekly S-curve are then computed from it without the store. Used by <c>plan status</c>, and meant
/// for the daily digest, <c>status</c> and the EVM chart.
/// </summary>
/// <remarks>
/// <para>Against the <b>current baseline</b>: each baselined task's budget is its baselined planned cost (BAC is their sum),
/// time-phased evenly over its baselined working days (PV), on the calendar the schedule is laid on (the workspace's
/// working days and holidays).</para>
/// <para>EV = the task's percent complete as of the status date × its budget. The percent as of a date is the task's latest
/// <see cref="ProgressSnapshot"/> on or before it (0 when all are later); a task with no snapshot at all counts with its current
/// percent (<see cref="ProgressLog.AsOf"/>).</para>
/// <para>AC = the cost of the hours logged on the task (frozen rates) + the cost entries on it, dated on or before the status date.</para>
/// <para>Remaining working days (for "under-estimated" in the deviation analysis) = the remaining hours given with
/// <c>task remaining</c> as of the status date ÷ 8, rounded up.</para>
/// <para>Tasks added after the baseline take part with a budget of 0 (their cost is unplanned) and their scheduled dates. Cost
/// entries on a parent count in that branch, and those on no task in the project, as items with a budget of 0 (the latter
/// with the id <see cref="ProjectLevelId"/>).</para>
/// </remarks>
public sealed class EvmData
{
    /// <summary>The earned value item that carries the costs recorded on no task.</summary>
    public const string ProjectLevelId = "*";

    private readonly Dictionary<Guid, PlanBaselineItem> _baselined;
    // Each item's snapshots by date, as lists: earned value at a date looks up every task's list (no copy per look-up).
    private readonly Dictionary<Guid, List<ProgressSnapshot>> _snapshots;
    // What earned value needs of each task at any date, in Tasks' order: looked up once, not once per status date.
    private TaskFacts[]? _facts;
    private Dictionary<Guid, (DateOnly Start, DateOnly Finish)>? _branchSpans;
    private List<WorkItem>? _parentsInOrder;
    private Dictionary<string, WorkItem>? _byShortId;
    private ScheduleResult? _schedule;
    private bool _scheduled;

    public EvmData(
        Wbs wbs,
        IReadOnlyList<WorkItemLink> links,
        PlanBaseline? baseline,
        IReadOnlyList<PlanBaselineItem> baselineItems,
        IReadOnlyList<TimeEntry> timeEntries,
        IReadOnlyList<CostEntry> costEntries,
        IReadOnlyList<ProgressSnapshot> snapshots,
        DateOnly today,
        ScheduleResult? schedule = null)
    {
        Wbs = wbs;
        Links = links;
        Baseline = baseline;
        BaselineItems = baselineItems;
        TimeEntries = timeEntries;
        CostEntries = costEntries;
        Today = today;
        _baselined = baselineItems.ToDictionary(b => b.WorkItemId);
        BaselineStart = baselineItems.Count == 0 ? today : baselineItems.Min(b => b.Start);
        BaselineFinish = baselineItems.Count == 0 ? today : baselineItems.Max(b => b.Finish);
        _snapshots = ByItem(snapshots);
        Tasks = wbs.InOutlineOrder.Where(i => !wbs.HasChildren(i)).ToList();
        if (schedule is not null)
            (_schedule, _scheduled) = (schedule, true);
    }

    public Project Project => Wbs.Project;
    public Wbs Wbs { get; }
    public IReadOnlyList<WorkItemLink> Links { get; }
    public PlanBaseline? Baseline { get; }
    public IReadOnlyList<PlanBaselineItem> BaselineItems { get; }
    public IReadOnlyList<TimeEntry> TimeEntries { get; }
    public IReadOnlyList<CostEntry> CostEntries { get; }
    public DateOnly Today { get; }

    /// <summary>The WBS leaves in outline order.</summary>
    public IReadOnlyList<WorkItem> Tasks { get; }

    public EvmProblem Problem =>
        Tasks.Count == 0 ? EvmProblem.NoTasks
        : Baseline is null || BaselineItems.Count == 0 ? EvmProblem.NoBaseline
        : EvmProblem.None;

    /// <summary>
    /// The current schedule (critical path method), or null when the links cannot be scheduled: the one given to the
    /// constructor (computed from the same items, links and date, e.g. by a digest that needs it anyway), else computed once.
    /// </summary>
    public ScheduleResult? Schedule
    {
        get
        {
            if (!_scheduled)
            {
                _schedule = Tasks.Count == 0 ? null : ScheduleOf.Compute(Wbs, Links, Today);
                _scheduled = true;
            }
            return _schedule;
        }
    }

    /// <summary>The working days PV is spread over: the schedule's calendar (Monday to Friday when there is no schedule).</summary>
    private WorkCalendar WorkingDays => Schedule?.Calendar ?? WorkCalendar.Standard;

    /// <summary>The first baselined start.</summary>
    public DateOnly BaselineStart { get; }

    /// <summary>The last baselined finish.</summary>
    public DateOnly BaselineFinish { get; }

    /// <summary>The budget at completion: the sum of the baselined planned costs of the tasks.</summary>
    public decimal Bac => Tasks.Sum(t => _baselined.TryGetValue(t.Id, out var b) ? b.PlannedCost : 0);

    /// <summary>The work item behind an earned value item id (a short id), or null (<see cref="ProjectLevelId"/>).</summary>
    public WorkItem? ItemOf(string id) => (_byShortId ??= Wbs.Items.ToDictionary(Wbs.ShortId, StringComparer.Ordinal)).GetValueOrDefault(id);

    /// <summary>The work item with an outline code, or null.</summary>
    public WorkItem? ItemAt(string outlineCode) => Wbs.Items.FirstOrDefault(i => Wbs.Outline[i.Id] == outlineCode);

    /// <summary>Earned value inputs as of <paramref name="statusDate"/> (see the class remarks).</summary>
    public EvInput InputAt(DateOnly statusDate) => InputAt(statusDate, outlineCodes: true);

    /// <summary>As <see cref="InputAt(DateOnly)"/>; without <paramref name="outlineCodes"/> the items have none (project figures need no branches).</summary>
    private EvInput InputAt(DateOnly statusDate, bool outlineCodes)
    {
        var actual = new Dictionary<Guid, decimal>();
        decimal unassigned = 0;
        foreach (var entry in TimeEntries)
        {
            if (entry.Date <= statusDate)
                CollectionsMarshal.GetValueRefOrAddDefault(actual, entry.WorkItemId, out _) += entry.Cost;
        }
        foreach (var entry in CostEntries)
        {
            if (entry.Date > statusDate)
                continue;
            if (entry.WorkItemId is { } id)
                CollectionsMarshal.GetValueRefOrAddDefault(actual, id, out _) += entry.Amount;
            else
                unassigned += entry.Amount;
        }

        var start = BaselineStart;
        var finish = BaselineFinish;
        var facts = _facts ??= TaskFactsOf();
        var items = new List<EvWorkItem>(Tasks.Count + 1);
        for (var i = 0; i < facts.Length; i++)
        {
            var task = Tasks[i];
            var f = facts[i];
            var (percent, remaining) = ProgressLog.AsOf(task, f.Snapshots, statusDate);
            items.Add(new EvWorkItem(f.Id, outlineCodes ? Wbs.Outline[task.Id] : "", f.Start, f.Finish, f.Budget)
            {
                Name = task.Name,
                PercentComplete = percent,
                ActualCost = actual.GetValueOrDefault(task.Id),
                RemainingDays = percent == 100 ? 0 : remaining is { } hours ? Effort.Days(hours) : null,
            });
        }
        // Costs recorded on a parent: in its branch, with no budget of its own.
        foreach (var parent in _parentsInOrder ??= Wbs.InOutlineOrder.Where(Wbs.HasChildren).ToList())
        {
            var cost = actual.GetValueOrDefault(parent.Id);
            if (cost == 0)
                continue;
            var (branchStart, branchFinish) = (_branchSpans ??= BranchSpans(facts)).TryGetValue(parent.Id, out var span) ? span : (start, start);
            items.Add(new EvWorkItem(Wbs.ShortId(parent), outlineCodes ? Wbs.Outline[parent.Id] : "", branchStart, branchFinish, 0)
            {
                Name = parent.Name,
                ActualCost = cost,
            });
        }
        if (unassigned != 0)
            items.Add(new EvWorkItem(ProjectLevelId, "", start, finish, 0) { ActualCost = unassigned });
        return new EvInput(statusDate, items) { Calendar = WorkingDays };
    }

    /// <summary>Earned value, its reading and the deviation analysis at <paramref name="statusDate"/>.</summary>
    public EvmStatus At(DateOnly statusDate)
    {
        var input = InputAt(statusDate);
        var report = EarnedValue.Compute(input);
        var deviation = Schedule is { } schedule ? TasksOnly(DeviationAnalysis.Analyze(schedule, input, report), input) : null;
        return new EvmStatus(input, report, EvReadingBuilder.Build(report), deviation);
    }

    /// <summary>
    /// The project's figures only at <paramref name="statusDate"/> (<see cref="EarnedValue.ComputeProject"/>): the report
    /// has no branches or items, the reading no worst branch, there is no deviation analysis, and the input's items have no
    /// outline codes. What the digest and the status summary show (the indices, percent complete), for a fraction of the
    /// work of <see cref="At"/>.
    /// </summary>
    public EvmStatus ProjectAt(DateOnly statusDate)
    {
        var input = InputAt(statusDate, outlineCodes: false);
        var report = EarnedValue.ComputeProject(input);
        return new EvmStatus(input, report, EvReadingBuilder.Build(report), null);
    }

    /// <summary>Each item's snapshots, oldest first (one pass, then a short sort per item).</summary>
    private static Dictionary<Guid, List<ProgressSnapshot>> ByItem(IReadOnlyList<ProgressSnapshot> snapshots)
    {
        var byItem = new Dictionary<Guid, List<ProgressSnapshot>>();
        foreach (var snapshot in snapshots)
        {
            if (!byItem.TryGetValue(snapshot.WorkItemId, out var list))
                byItem.Add(snapshot.WorkItemId, list = []);
            list.Add(snapshot);
        }
        foreach (var list in byItem.Values)
            list.Sort((a, b) => a.Date.CompareTo(b.Date));
        return byItem;
    }

    private IReadOnlyList<ProgressSnapshot> SnapshotsOf(WorkItem item) => _snapshots.TryGetValue(item.Id, out var list) ? list : [];

    /// <summary>A task's earned value item id, its baselined (else scheduled) dates and budget, and its progress history.</summary>
    private readonly record struct TaskFacts(string Id, DateOnly Start, DateOnly Finish, decimal Budget, IReadOnlyList<ProgressSnapshot> Snapshots);

    /// <summary>
    /// Each task's facts: baselined tasks with their baseline dates and planned cost; tasks added after the baseline with
    /// their scheduled dates and no budget (or the baseline start when they cannot be scheduled).
    /// </summary>
    private TaskFacts[] TaskFactsOf()
    {
        var facts = new TaskFacts[Tasks.Count];
        for (var i = 0; i < facts.Length; i++)
        {
            var task = Tasks[i];
            var id = Wbs.ShortId(task);
            var (start, finish, budget) = _baselined.TryGetValue(task.Id, out var b) ? (b.Start, b.Finish, b.PlannedCost)
                : Schedule?.Find(id) is { } dates ? (dates.EarlyStart, dates.EarlyFinish, 0m)
                : (BaselineStart, BaselineStart, 0m);
            facts[i] = new TaskFacts(id, start, finish, budget, SnapshotsOf(task));
        }
        return facts;
    }

    /// <summary>
    /// Each parent's span over the tasks under it (earliest start, latest finish), found by walking up from each task
    /// once: O(tasks × depth) rather than a scan of every item per parent.
    /// </summary>
    private Dictionary<Guid, (DateOnly Start, DateOnly Finish)> BranchSpans(TaskFacts[] facts)
    {
        var spans = new Dictionary<Guid, (DateOnly Start, DateOnly Finish)>();
        for (var i = 0; i < Tasks.Count; i++)
        {
            var task = facts[i];
            for (var parent = Tasks[i].ParentId; parent is { } id; parent = Wbs.Get(id).ParentId)
            {
                spans[id] = spans.TryGetValue(id, out var span)
                    ? (task.Start < span.Start ? task.Start : span.Start, task.Finish > span.Finish ? task.Finish : span.Finish)
                    : (task.Start, task.Finish);
            }
        }
        return spans;
    }

    /// <summary>
    /// Corrective actions name tasks: the items that only carry costs on a parent or on no task are left out of them, and
    /// so are tasks without a budget from re-scoping (cutting them saves nothing).
    /// </summary>
    private DeviationReport TasksOnly(DeviationReport report, EvInput input)
    {
        var unbudgeted = input.Items.Where(i => i.Budget == 0).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        bool IsTask(string id) => ItemOf(id) is { } item && !Wbs.HasChildren(item);
        var actions = report.Actions
            .Select(a => a with { ItemIds = a.ItemIds.Where(id => IsTask(id) && !(a.Code == CorrectiveActionCode.Rescope && unbudgeted.Contains(id))).ToList() })
            .Where(a => a.ItemIds.Count > 0)
            .ToList();
        return report with { Actions = actions };
    }

    /// <summary>
    /// The S-curve: cumulative PV, EV and AC (rounded to cents) from the day before the baseline start (all 0), at the end
    /// of every week (7, 14, … days after the baseline start, minus one) up to the status date, and at the status date
    /// itself. With <paramref name="planThroughFinish"/> the PV curve goes on weekly to the baseline finish (EV and AC null
    /// there). Each point is what <see cref="At"/> gives for its date; empty without a baseline.
    /// </summary>
    /// <remarks>
    /// Computed in one pass over the tasks, snapshots and entries (each change is added to every later point through a
    /// running sum), not by computing earned value again at every point: O((tasks + snapshots + entries) × log points +
    /// points), so a year-long plan of 10,000 tasks costs about as much as one <see cref="At"/>.
    /// </remarks>
    public IReadOnlyList<EvPoint> WeeklySeries(DateOnly statusDate, bool planThroughFinish = false)
    {
        if (Problem != EvmProblem.None)
            return [];
        var start = BaselineStart;
        var finish = BaselineFinish;
        var dates = new List<DateOnly> { start.AddDays(-1) };
        var end = planThroughFinish && finish > statusDate ? finish : statusDate;
        for (var d = start.AddDays(6); d < end; d = d.AddDays(7))
            dates.Add(d);
        foreach (var last in new[] { statusDate, end })
        {
            if (last > dates[0] && !dates.Contains(last))
                dates.Add(last);
        }
        dates.Sort();
        var count = dates.Count;
        // The first point on or after a date (count when none): a change dated d shows from that point on.
        int FirstPointFrom(DateOnly date)
        {
            int lo = 0, hi = count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (dates[mid] < date)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            return lo;
        }

        // PV: as EarnedValue time-phases it (evenly over the baselined working days, inclusive of the point's date).
        var days = WorkingDays.CreateIndex(start, dates[^1] > finish ? dates[^1] : finish);
        var statusDays = dates.Select(days.FinishIndexOf).ToArray();
        var pv = new decimal[count];
        var pvFull = new decimal[count + 1]; // budgets fully planned from point k on (running sum)
        foreach (var task in Tasks)
        {
            if (!_baselined.TryGetValue(task.Id, out var b))
                continue;
            var first = days.StartIndexOf(b.Start);
            var last = days.FinishIndexOf(b.Finish);
            var workingDays = last - first + 1;
            // Points before the item's first day plan nothing of it; points on or after its last day plan all of it.
            var k = FirstIndex(statusDays, workingDays > 0 ? first : last);
            for (; k < count && statusDays[k] < last; k++)
                pv[k] += workingDays > 0 ? b.PlannedCost * (statusDays[k] - first + 1) / workingDays : 0;
            pvFull[k] += b.PlannedCost;
        }

        // EV: each dated report changes the task's earned value from then on; a task never reported counts its current percent.
        var ev = new decimal[count + 1];
        var budgets = _baselined.ToDictionary(kv => kv.Key, kv => kv.Value.PlannedCost);
        foreach (var task in Tasks)
        {
            var budget = budgets.GetValueOrDefault(task.Id);
            if (budget == 0)
                continue;
            var reports = SnapshotsOf(task);
            if (reports.Count == 0)
            {
                ev[0] += budget * task.PercentComplete / 100;
                continue;
            }
            var before = 0m;
            foreach (var report in reports)
            {
                var now = budget * report.PercentComplete / 100;
                ev[FirstPointFrom(report.Date)] += now - before;
                before = now;
            }
        }

        // AC: every hour and cost from its date on.
        var ac = new decimal[count + 1];
        foreach (var entry in TimeEntries)
            ac[FirstPointFrom(entry.Date)] += entry.Cost;
        foreach (var entry in CostEntries)
            ac[FirstPointFrom(entry.Date)] += entry.Amount;

        var points = new List<EvPoint>(count);
        decimal full = 0, earned = 0, spent = 0;
        for (var k = 0; k < count; k++)
        {
            full += pvFull[k];
            earned += ev[k];
            spent += ac[k];
            var planned = Cents(full + pv[k]);
            points.Add(dates[k] <= statusDate ? new EvPoint(dates[k], planned, Cents(earned), Cents(spent)) : new EvPoint(dates[k], planned, null, null));
        }
        return points;
    }

    /// <summary>The first k with <paramref name="sorted"/>[k] ≥ <paramref name="value"/>.</summary>
    private static int FirstIndex(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    private static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>Loads a project's <see cref="EvmData"/> with a fixed number of store queries (ten), whatever its size.</summary>
public static class EvmOf
{
    public static async Task<EvmData> LoadAsync(IPmStore store, Project project, DateOnly today, CancellationToken cancellationToken)
    {
        var wbs = new Wbs(project, await store.ListWorkItemsAsync(project.Id, cancellationToken));
        var links = await store.ListWorkItemLinksAsync(project.Id, cancellationToken);
        var baseline = (await store.ListBaselinesAsync(project.Id, cancellationToken)).FirstOrDefault(b => b.IsCurrent);
        var baselineItems = baseline is null ? [] : await store.ListBaselineItemsAsync(baseline.Id, cancellationToken);
        var timeEntries = await store.ListTimeEntriesAsync(project.Id, cancellationToken);
        var costEntries = await store.ListCostEntriesAsync(project.Id, cancellationToken);
        var snapshots = await store.ListProgressSnapshotsAsync(project.Id, cancellationToken);
        // Scheduled on the workspace calendar, as plan schedule and the digest do (PV is spread over its working days).
        var schedule = wbs.Items.Count > 0 && await store.GetWorkspaceAsync(project.WorkspaceId, cancellationToken) is { } workspace
            ? ScheduleOf.Compute(wbs, links, today, await ScheduleOf.CalendarAsync(store, workspace, project, today, cancellationToken))
            : null;
        return new EvmData(wbs, links, baseline, baselineItems, timeEntries, costEntries, snapshots, today, schedule);
    }
}

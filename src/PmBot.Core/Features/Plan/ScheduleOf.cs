using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Features.Calendar;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Planning;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Plan;

/// <summary>Runs the critical path method over a project's tasks (the WBS leaves) as stored.</summary>
public static class ScheduleOf
{
    /// <summary>
    /// The schedule from the planned start (or <paramref name="today"/>) on the workspace calendar (working days, holidays,
    /// and each task owner's absences), honouring each task's date constraint; null when the links cannot be scheduled.
    /// </summary>
    public static async Task<ScheduleResult?> ProjectAsync(IPmStore store, Wbs wbs, DateOnly today, CancellationToken cancellationToken)
    {
        var (links, calendar) = await InputsAsync(store, wbs, today, cancellationToken);
        return Compute(wbs, links, today, calendar);
    }

    /// <summary>
    /// The schedule of already loaded items and links (see <see cref="ProjectAsync"/>) on <paramref name="calendar"/>
    /// (Monday to Friday when not given); null when the links cannot be scheduled.
    /// </summary>
    public static ScheduleResult? Compute(Wbs wbs, IReadOnlyList<WorkItemLink> links, DateOnly today, WorkCalendar? calendar = null) =>
        Run(wbs, links, today, calendar, item => item.DurationDays, item => item.ScheduleConstraint);

    /// <summary>
    /// The forecast as of <paramref name="today"/>: the plan's logic (links, constraints, calendar) applied to the work
    /// that is left. A finished task is pinned to its actual finish (only finishes are meaningful in the result); a
    /// started one needs its remaining days (hours left ÷ 8, else its unfinished share of the duration, at least one)
    /// from today; one not started cannot start before today. A must-finish-on constraint still holds. So a late task
    /// moves its successors and milestones.
    /// </summary>
    public static ScheduleResult? Forecast(Wbs wbs, IReadOnlyList<WorkItemLink> links, DateOnly today, WorkCalendar? calendar = null)
    {
        var notBeforeToday = new ActivityConstraint(ConstraintKind.StartNoEarlierThan, today);
        return Run(wbs, links, today, calendar, Remaining, item => ForecastConstraint(item, today, notBeforeToday));
    }

    private static int Remaining(WorkItem item)
    {
        // A finished task only needs its finish pinned: its last day (so an early start cannot clash with the project's).
        if (item.Status == WorkItemStatus.Done)
            return Math.Min(1, item.DurationDays);
        if (item.DurationDays == 0 || (item.Status == WorkItemStatus.NotStarted && item.PercentComplete == 0))
            return item.DurationDays;
        var days = item.RemainingHours is { } hours ? Effort.Days(hours) : (int)Math.Ceiling(item.DurationDays * (100 - item.PercentComplete) / 100m);
        return Math.Max(1, days);
    }

    private static ActivityConstraint? ForecastConstraint(WorkItem item, DateOnly today, ActivityConstraint notBeforeToday)
    {
        if (item.Status == WorkItemStatus.Done)
            return new ActivityConstraint(ConstraintKind.MustFinishOn, item.ActualFinish ?? today);
        return item.ScheduleConstraint switch
        {
            { Kind: ConstraintKind.MustFinishOn } fixedFinish => fixedFinish,
            { } startNoEarlier when startNoEarlier.Date > today => startNoEarlier,
            _ => notBeforeToday,
        };
    }

    /// <summary>The calendar a project is scheduled on: the workspace's working days, holidays and absences from the planned start (or today).</summary>
    public static Task<WorkCalendar> CalendarAsync(IPmStore store, Workspace workspace, Project project, DateOnly today, CancellationToken cancellationToken) =>
        WorkspaceCalendar.BuildAsync(store, workspace, project.PlannedStart ?? today, cancellationToken);

    /// <summary>What scheduling a stored project reads besides its items: the links and the calendar.</summary>
    private static async Task<(IReadOnlyList<WorkItemLink> Links, WorkCalendar Calendar)> InputsAsync(IPmStore store, Wbs wbs, DateOnly today, CancellationToken cancellationToken)
    {
        var links = await store.ListWorkItemLinksAsync(wbs.Project.Id, cancellationToken);
        var calendar = await store.GetWorkspaceAsync(wbs.Project.WorkspaceId, cancellationToken) is { } workspace
            ? await CalendarAsync(store, workspace, wbs.Project, today, cancellationToken)
            : WorkCalendar.Standard;
        return (links, calendar);
    }

    private static ScheduleResult? Run(Wbs wbs, IReadOnlyList<WorkItemLink> links, DateOnly today, WorkCalendar? calendar,
        Func<WorkItem, int> duration, Func<WorkItem, ActivityConstraint?> constraint)
    {
        // Built once per task and link: a plan of 10,000 tasks is scheduled twice per digest (plan and forecast).
        var resourceKeys = new Dictionary<Guid, string>();
        var activities = new List<PlannedActivity>(wbs.Items.Count);
        foreach (var item in wbs.Items)
        {
            if (wbs.HasChildren(item))
                continue;
            string? resource = null;
            if (item.OwnerMemberId is { } owner && !resourceKeys.TryGetValue(owner, out resource))
                resourceKeys.Add(owner, resource = WorkspaceCalendar.MemberKey(owner));
            activities.Add(new PlannedActivity(wbs.ShortId(item), duration(item)) { Name = item.Name, Constraint = constraint(item), ResourceId = resource });
        }
        var dependencies = new Dependency[links.Count];
        for (var l = 0; l < links.Count; l++)
        {
            var link = links[l];
            dependencies[l] = new Dependency(wbs.ShortId(link.PredecessorId), wbs.ShortId(link.SuccessorId), link.Type, link.LagDays);
        }
        var result = CpmScheduler.Schedule(new ScheduleInput(wbs.Project.PlannedStart ?? today, activities, dependencies) { Calendar = calendar ?? WorkCalendar.Standard });
        return result.Succeeded ? result : null;
    }

    /// <summary>The dates a parent item spans: from its first scheduled descendant's start to its last one's finish; null when none is scheduled.</summary>
    public static (DateOnly Start, DateOnly Finish)? Span(Wbs wbs, ScheduleResult schedule, WorkItem parent)
    {
        var prefix = wbs.Outline[parent.Id] + ".";
        var dates = wbs.Items.Where(i => wbs.Outline[i.Id].StartsWith(prefix, StringComparison.Ordinal))
            .Select(i => schedule.Find(wbs.ShortId(i))).OfType<ScheduledActivity>().ToList();
        return dates.Count == 0 ? null : (dates.Min(a => a.EarlyStart), dates.Max(a => a.EarlyFinish));
    }

    /// <summary>The current baseline's dates per work item (empty without a baseline), and the baseline.</summary>
    public static async Task<(PlanBaseline? Baseline, Dictionary<Guid, PlanBaselineItem> Items)> CurrentBaselineAsync(IPmStore store, Guid projectId, CancellationToken cancellationToken)
    {
        var baseline = (await store.ListBaselinesAsync(projectId, cancellationToken)).FirstOrDefault(b => b.IsCurrent);
        var items = baseline is null ? [] : (await store.ListBaselineItemsAsync(baseline.Id, cancellationToken)).ToDictionary(b => b.WorkItemId);
        return (baseline, items);
    }

    /// <summary>
    /// The command's project with its WBS and schedule, or the reply that explains why there is none (no tasks yet,
    /// or links that cannot be scheduled).
    /// </summary>
    public static async Task<(Wbs Wbs, ScheduleResult? Schedule, BotReply? Problem)> ForCommandAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (wbs, schedule, _, problem) = await ForCommandAsync(context, forecast: false, cancellationToken);
        return (wbs, schedule, problem);
    }

    /// <summary>As <see cref="ForCommandAsync(CommandContext, CancellationToken)"/>, with the <see cref="Forecast"/> too when asked (from the same reads).</summary>
    public static async Task<(Wbs Wbs, ScheduleResult? Schedule, ScheduleResult? Forecast, BotReply? Problem)> ForCommandAsync(
        CommandContext context, bool forecast, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        if (!wbs.Items.Any(i => !wbs.HasChildren(i)))
            return (wbs, null, null, BotReply.Of(new MessageBuilder().Text(t["task.none_yet", project.Key]).Context(t["task.add_hint"]).Build()));
        var (links, calendar) = await InputsAsync(context.Store, wbs, context.Today, cancellationToken);
        if (Compute(wbs, links, context.Today, calendar) is not { } schedule)
            return (wbs, null, null, Replies.Error(t["plan.cannot_schedule", project.Key]));
        return (wbs, schedule, forecast ? Forecast(wbs, links, context.Today, calendar) : null, null);
    }
}

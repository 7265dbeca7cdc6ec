using PmBot.Core.Charts;
using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Resources;

/// <summary>
/// <c>plan workload [project KEY] [weeks N]</c>: each person's load per ISO week as a share of their capacity (⚠ over
/// 100%), from the schedule and the shares on the open tasks; the over-allocated weeks with the tasks causing them;
/// and what would level them (delay a task within its float, or give a share to someone with room). Under the table the
/// same weeks as a chart (<see cref="Chart"/>), where PmBot can draw; the table is the answer and stands without it.
/// </summary>
public sealed class ShowWorkload : ICommandHandler
{
    public const int DefaultWeeks = 6;
    public const int MaxWeeks = 26;

    /// <summary>At most this many over-allocations and as many suggestions are listed.</summary>
    public const int MaxLines = 10;

    public CommandSpec Spec { get; } = new("plan workload", Access.ProjectStakeholder,
    [
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
        new("weeks", ParamKind.Integer, Required: false, Keyword: "weeks"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var weeks = command.Integer("weeks") ?? DefaultWeeks;
        if (weeks is < 1 or > MaxWeeks)
            return Replies.Error(t["workload.bad_weeks", weeks, MaxWeeks]);
        var (wbs, schedule, problem) = await ScheduleOf.ForCommandAsync(context, cancellationToken);
        if (schedule is null)
            return problem!;

        var people = (await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken)).ToDictionary(m => m.Id);
        var report = Compute(wbs, schedule,
            await context.Store.ListAllocationsAsync(project.Id, cancellationToken),
            await context.Store.ListMembershipsAsync(project.Id, cancellationToken),
            people);
        if (report.Weeks.Count == 0)
        {
            return BotReply.Of(new MessageBuilder()
                .Text(t["workload.nobody", project.Key])
                .Context(t["workload.hint"])
                .Build());
        }

        string Name(string memberId) => people[Guid.Parse(memberId)].DisplayName;
        var today = Workload.WeekStart(context.Today);
        var from = today >= report.Weeks[0] && today <= report.Weeks[^1] ? today : report.Weeks[0];
        var shown = report.Weeks.Where(w => w >= from).Take(weeks).ToList();
        var rows = report.Members.Select(m => (IReadOnlyList<string>)
        [
            Name(m.MemberId),
            t["capacity.hours", m.CapacityHoursPerWeek],
            .. shown.Select(w => Cell(t, m.Weeks.First(x => x.WeekStart == w))),
        ]).ToList();

        var title = t["workload.title", project.Key, project.Name];
        var builder = new MessageBuilder()
            .Heading(title)
            .Table([t["field.name"], t["field.capacity"], .. shown.Select(Workload.IsoWeek)], rows);
        var chart = await ChartReplies.DrawAsync(context, Chart(t, title, report, shown, Name),
            $"{project.Key}-workload-{context.Today:yyyy-MM-dd}.png", t["chart.workload_alt", Workload.IsoWeek(shown[0]), Workload.IsoWeek(shown[^1])],
            cancellationToken);
        if (chart is not null)
            builder.Add(chart.Image);
        var over = report.OverAllocations.Where(o => o.WeekStart >= from).ToList();
        if (over.Count == 0)
            builder.Text("✅ " + t["workload.none_over"]);
        else
        {
            builder.Text(t["workload.over_title"] + "\n" + Lines(over.Select(o => "- ⚠️ " + t["workload.over", Name(o.MemberId), o.IsoWeek, o.Hours, o.CapacityHours, o.Percent, string.Join(", ", o.TaskIds)]), t));
            var steps = report.Suggestions.Where(s => s.WeekStart >= from).ToList();
            if (steps.Count > 0)
                builder.Text(t["workload.suggest_title"] + "\n" + Lines(steps.Select(s => "- " + Suggestion(t, s, Name)), t));
            var left = report.Unresolved.Where(o => o.WeekStart >= from).ToList();
            if (left.Count > 0)
                builder.Text(Lines(left.Select(o => "- " + t["workload.unresolved", Name(o.MemberId), o.IsoWeek, o.Percent]), t));
        }
        if (chart is not null)
            builder.Context(chart.ExpiryNote);
        return BotReply.Of(builder
            .Context(t["workload.hint"])
            .Actions(new ActionButton(t["button.schedule"], $"plan schedule project {project.Key}"))
            .Fallback(title)
            .Build());
    }

    /// <summary>
    /// The workload of the project's open tasks as scheduled: everyone on a task, and every member or PM of the
    /// project (they can take work over), each with their weekly capacity.
    /// </summary>
    public static WorkloadReport Compute(Wbs wbs, ScheduleResult schedule, IReadOnlyList<WorkItemAllocation> allocations,
        IReadOnlyList<ProjectMembership> memberships, IReadOnlyDictionary<Guid, Member> people)
    {
        var tasks = new List<WorkloadTask>();
        var involved = memberships.Where(m => m.Role >= ProjectRole.Member).Select(m => m.MemberId).ToHashSet();
        foreach (var item in wbs.Items.Where(i => i.Status != WorkItemStatus.Done && !wbs.HasChildren(i)))
        {
            if (schedule.Find(wbs.ShortId(item)) is not { DurationDays: > 0 } activity)
                continue;
            var shares = WorkItemAllocation.Of(item, allocations).Where(s => people.ContainsKey(s.MemberId)).ToList();
            if (shares.Count == 0)
                continue;
            involved.UnionWith(shares.Select(s => s.MemberId));
            tasks.Add(WorkloadTask.From(activity, shares.Select(s => new WorkloadAssignment(s.MemberId.ToString(), s.Percent)).ToList()));
        }
        var members = involved.Where(people.ContainsKey).Select(id => people[id])
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => new Planning.WorkloadMember(m.Id.ToString(), m.CapacityHoursPerWeek))
            .ToList();
        return Workload.Compute(new WorkloadInput(tasks, members) { Calendar = schedule.Calendar });
    }

    /// <summary>
    /// The workload chart of the <paramref name="weeks"/> shown: a bar per member per week against the 100% capacity line.
    /// A week with days off or holidays has less capacity than the weekly one, so each week's hours are drawn scaled to a
    /// full week (hours × weekly capacity ÷ that week's capacity): a bar is above the line when the table says ⚠ (in a
    /// week they cannot work at all, their hours are drawn as they are). Members without capacity are not drawn.
    /// </summary>
    public static WorkloadChart Chart(Localizer t, string title, WorkloadReport report, IReadOnlyList<DateOnly> weeks, Func<string, string> name) => new()
    {
        Title = title,
        Culture = t.Locale,
        Weeks = weeks,
        ValueAxisLabel = t["chart.workload_axis"],
        CapacityLabel = t["chart.workload_capacity"],
        Members = report.Members.Select(m => new Charts.WorkloadMember(name(m.MemberId), (double)m.CapacityHoursPerWeek,
            weeks.Select(w => FullWeekHours(m, m.Weeks.First(x => x.WeekStart == w))).ToList())).ToList(),
    };

    private static double FullWeekHours(MemberWorkload member, WeekLoad load) =>
        (double)(load.CapacityHours == 0 ? load.Hours : load.Hours * member.CapacityHoursPerWeek / load.CapacityHours);

    private static string Cell(Localizer t, WeekLoad load) =>
        load.CapacityHours == 0 && load.Hours == 0 ? t["common.none"]
        : t["workload.cell", load.Percent] + (load.IsOverAllocated ? " ⚠️" : "");

    private static string Suggestion(Localizer t, LevelingSuggestion s, Func<string, string> name) => s.Kind == LevelingKind.Delay
        ? t["workload.delay", s.TaskId, s.DelayDays, t.Date(s.NewStart), t.Date(s.NewFinish), s.TotalFloat, name(s.MemberId), Workload.IsoWeek(s.WeekStart)]
            + " " + t[s.MovesSuccessors ? "workload.moves_successors" : "workload.moves_nothing"]
        : t["workload.reassign", name(s.MemberId), s.Percent, s.TaskId, name(s.ToMemberId!), Workload.IsoWeek(s.WeekStart)];

    private static string Lines(IEnumerable<string> lines, Localizer t)
    {
        var all = lines.ToList();
        var shown = all.Take(MaxLines).ToList();
        if (all.Count > MaxLines)
            shown.Add(t["workload.more", all.Count - MaxLines]);
        return string.Join("\n", shown);
    }
}

using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>plan milestones [project KEY]</c>: each milestone (and zero-day task) with its target date, its forecast (its
/// date in <see cref="ScheduleOf.Forecast"/>, which moves with progress; for a date pinned by a must-finish-on
/// constraint, the date its links would need), its date in the
/// current baseline, and the slip against the target in working days; ⚠ when the forecast is after the target.
/// </summary>
public sealed class ListMilestones : ICommandHandler
{
    public CommandSpec Spec { get; } = new("plan milestones", Access.ProjectStakeholder,
        [new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var (wbs, plan, forecastSchedule, problem) = await ScheduleOf.ForCommandAsync(context, forecast: true, cancellationToken);
        if (plan is null)
            return problem!;
        var schedule = forecastSchedule ?? plan;
        var milestones = wbs.InOutlineOrder.Where(i => IsMilestone(wbs, i)).ToList();
        if (milestones.Count == 0)
            return BotReply.Of(new MessageBuilder().Text(t["milestone.none_yet", project.Key]).Context(t["milestone.add_hint"]).Build());

        var baseline = (await context.Store.ListBaselinesAsync(project.Id, cancellationToken)).FirstOrDefault(b => b.IsCurrent);
        var baselined = baseline is null ? [] : (await context.Store.ListBaselineItemsAsync(baseline.Id, cancellationToken)).ToDictionary(b => b.WorkItemId);
        var calendar = schedule.Calendar;
        var rows = new List<IReadOnlyList<string>>();
        var late = new List<string>();
        foreach (var item in milestones)
        {
            var id = wbs.ShortId(item);
            var forecast = item.ActualFinish ?? Forecast(schedule, id);
            var slip = item.TargetDate is { } target && forecast is { } f ? calendar.WorkingDaysBetween(target, f) : (int?)null;
            var done = item.Status == WorkItemStatus.Done;
            var isLate = !done && slip > 0;
            rows.Add([id, item.Name, t.Date(item.TargetDate), t.Date(forecast), baselined.TryGetValue(item.Id, out var b) ? t.Date(b.Finish) : t["common.none"],
                slip?.ToString("+0;-0;0", t.Culture) ?? "", done ? "✅" : isLate ? "⚠️" : ""]);
            if (isLate)
                late.Add("- ⚠️ " + t["milestone.late", id, item.Name, t.Date(forecast), slip!.Value, t.Date(item.TargetDate)]);
        }
        var builder = new MessageBuilder()
            .Heading(t["milestone.list_title", project.Key, milestones.Count])
            .Table([t["field.id"], t["field.name"], t["field.target"], t["field.forecast"], t["field.baseline"], t["plan.slip"], ""], rows);
        if (late.Count > 0)
            builder.Text(string.Join("\n", late));
        return BotReply.Of(builder
            .Context(t["milestone.hint"])
            .Actions(new ActionButton(t["button.schedule"], $"plan schedule project {project.Key}"))
            .Fallback(t["milestone.list_title", project.Key, milestones.Count])
            .Build());
    }

    /// <summary>A milestone, or a task of zero days (not a parent): what <c>plan milestones</c> and the digest list.</summary>
    public static bool IsMilestone(Wbs wbs, WorkItem item) => item.IsMilestone || (item.DurationDays == 0 && !wbs.HasChildren(item));

    /// <summary>The scheduled date, or for a must-finish-on date its links cannot meet, the date they would need.</summary>
    public static DateOnly? Forecast(ScheduleResult schedule, string id) =>
        schedule.ConflictOf(id)?.LogicDate
        ?? schedule.Find(id)?.EarlyFinish;
}

using PmBot.Core.Charts;
using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>plan gantt [project KEY]</c>: the schedule of <c>plan schedule</c> as a Gantt chart: a row per WBS item in
/// outline order (parents as thin summary bars, milestones as diamonds), the critical path in red, the done part of
/// each task darker, the current baseline as grey bars, and today's line.
/// </summary>
public sealed class ShowGantt : ICommandHandler
{
    /// <summary>More rows than this would not be readable in a chat; the first ones are drawn and the reply says so.</summary>
    public const int MaxRows = 80;

    public CommandSpec Spec { get; } = new("plan gantt", Access.ProjectStakeholder,
        [new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var (wbs, schedule, problem) = await ScheduleOf.ForCommandAsync(context, cancellationToken);
        if (schedule is null)
            return problem!;
        var (baseline, baselined) = await ScheduleOf.CurrentBaselineAsync(context.Store, project.Id, cancellationToken);

        var rows = Rows(wbs, schedule, baselined);
        var chart = new GanttChart
        {
            Title = t["chart.gantt_title", project.Key, project.Name],
            Culture = t.Locale,
            Rows = rows.Take(MaxRows).ToList(),
            Today = context.Today,
            Legend = new GanttLegend(t["chart.legend_planned"], t["chart.legend_critical"], t["chart.legend_baseline"], t["chart.legend_milestone"], t["chart.legend_today"]),
        };
        var summary = t["chart.gantt_summary", schedule.Activities.Count, t.Date(schedule.ProjectStart), t.Date(schedule.ProjectFinish),
            schedule.Activities.Count(a => a.IsCritical)];
        if (baseline is not null)
            summary += " " + t["chart.gantt_baseline", baseline.Number];
        var note = rows.Count > MaxRows ? t["chart.gantt_more_rows", MaxRows, rows.Count] : null;
        return await ChartReplies.PublishAsync(context, chart, $"{project.Key}-gantt-{context.Today:yyyy-MM-dd}.png", summary, cancellationToken, note);
    }

    /// <summary>One row per item in outline order: a task's scheduled dates, a parent's span, a zero-duration task as a milestone.</summary>
    public static List<GanttRow> Rows(Wbs wbs, ScheduleResult schedule, IReadOnlyDictionary<Guid, PlanBaselineItem> baseline)
    {
        var rows = new List<GanttRow>();
        foreach (var item in wbs.InOutlineOrder)
        {
            var label = $"{wbs.Outline[item.Id]} {item.Name}";
            var planned = baseline.GetValueOrDefault(item.Id);
            if (schedule.Find(wbs.ShortId(item)) is { } activity)
            {
                rows.Add(new GanttRow(label, activity.EarlyStart, activity.EarlyFinish, item.DurationDays == 0 ? GanttRowKind.Milestone : GanttRowKind.Task)
                {
                    IsCritical = activity.IsCritical,
                    PercentComplete = item.PercentComplete,
                    BaselineStart = planned?.Start,
                    BaselineFinish = planned?.Finish,
                });
            }
            else if (ScheduleOf.Span(wbs, schedule, item) is { } span)
            {
                rows.Add(new GanttRow(label, span.Start, span.Finish, GanttRowKind.Summary));
            }
        }
        return rows;
    }
}

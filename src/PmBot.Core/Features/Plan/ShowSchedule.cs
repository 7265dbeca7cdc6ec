using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>plan schedule [project KEY]</c>: the critical path method over the project's tasks (leaves of the WBS; a
/// parent spans its children) from the planned start (or today): early start and finish, total float, the
/// critical path, and the forecast finish (<see cref="ScheduleOf.Forecast"/>: with the progress reported) against
/// the planned one and the baseline.
/// </summary>
public sealed class ShowSchedule : ICommandHandler
{
    public CommandSpec Spec { get; } = new("plan schedule", Access.ProjectStakeholder,
        [new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var (wbs, result, forecast, problem) = await ScheduleOf.ForCommandAsync(context, forecast: true, cancellationToken);
        if (result is null)
            return problem!;

        var (baseline, baselined) = await ScheduleOf.CurrentBaselineAsync(context.Store, project.Id, cancellationToken);
        // The table is the plan; its finish as forecast moves with the progress reported.
        var finish = forecast?.ProjectFinish ?? result.ProjectFinish;
        var calendar = result.Calendar;
        // Working days a task finishes after (+) or before (-) its baselined finish.
        string Slip(Guid itemId, DateOnly finish) =>
            baselined.TryGetValue(itemId, out var b) ? calendar.WorkingDaysBetween(b.Finish, finish).ToString("+0;-0;0", t.Culture) : "";
        var byId = result.Activities.ToDictionary(a => a.Id);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var item in wbs.InOutlineOrder)
        {
            var id = wbs.ShortId(item);
            if (byId.TryGetValue(id, out var a))
            {
                rows.Add([wbs.Outline[item.Id], id, item.Name, item.DurationDays.ToString(t.Culture), t.Date(a.EarlyStart), t.Date(a.EarlyFinish),
                    a.TotalFloat.ToString(t.Culture), a.IsCritical ? "★" : "", Slip(item.Id, a.EarlyFinish)]);
                continue;
            }
            // A parent spans its scheduled descendants.
            var span = ScheduleOf.Span(wbs, result, item);
            rows.Add([wbs.Outline[item.Id], id, item.Name, "", span is { } a1 ? t.Date(a1.Start) : "", span is { } a2 ? t.Date(a2.Finish) : "", "", "", ""]);
        }
        var builder = new MessageBuilder()
            .Heading(t["plan.schedule_title", project.Key, project.Name])
            .Fields(
                new Field(t["field.start"], t.Date(result.ProjectStart)),
                new Field(t["plan.forecast_finish"], t.Date(finish)),
                new Field(t["plan.duration"], t["plan.working_days", result.DurationDays]),
                new Field(t["field.finish"], t.Date(project.PlannedFinish)))
            .Table([t["field.wbs"], t["field.id"], t["field.name"], t["field.days"], t["plan.early_start"], t["plan.early_finish"], t["plan.float"], t["plan.critical"], t["plan.slip"]], rows);
        if (baseline is not null)
        {
            var baselineFinish = baselined.Values.Max(b => b.Finish);
            builder.Context(t["plan.against_baseline", baseline.Number, t.Date(baselineFinish), calendar.WorkingDaysBetween(baselineFinish, finish).ToString("+0;-0;0", t.Culture)]);
        }
        if (result.CriticalPaths.Count > 0)
            builder.Text(t["plan.critical_path", string.Join(" → ", result.CriticalPaths[0])]);
        foreach (var conflict in result.Warnings.Where(w => w.Kind == ScheduleWarningKind.ConstraintConflict))
        {
            var item = wbs.Items.First(i => wbs.ShortId(i) == conflict.ActivityId);
            builder.Text("⚠️ " + t["plan.constraint_conflict", conflict.ActivityId, t.Date(item.ConstraintDate), t.Date(conflict.LogicDate)]);
        }
        if (project.PlannedFinish is { } planned && finish > planned)
            builder.Text("⚠️ " + t["plan.late", t.Date(finish), t.Date(planned)]);
        return BotReply.Of(builder.Fallback(t["plan.schedule_title", project.Key, project.Name]).Build());
    }
}

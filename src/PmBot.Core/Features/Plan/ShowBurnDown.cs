using System.Globalization;
using PmBot.Core.Charts;
using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>plan burn [project KEY]</c>: a burn-down of the planned work left (working days: duration × (1 − % complete) of
/// every task) from the project's start to today, against the ideal straight line from the start to the planned
/// finish (the forecast finish when none is planned). The past follows each task's dated progress reports; that of tasks
/// with progress but no report (from before the history was kept) is reconstructed (see <see cref="BurnDown"/>).
/// </summary>
public sealed class ShowBurnDown : ICommandHandler
{
    public CommandSpec Spec { get; } = new("plan burn", Access.ProjectStakeholder,
        [new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var (wbs, schedule, problem) = await ScheduleOf.ForCommandAsync(context, cancellationToken);
        if (schedule is null)
            return problem!;
        var history = (await context.Store.ListProgressSnapshotsAsync(project.Id, cancellationToken))
            .OrderBy(s => s.Date).ToLookup(s => s.WorkItemId, s => new ProgressPoint(s.Date, s.PercentComplete));
        var tasks = wbs.Items.Where(i => !wbs.HasChildren(i))
            .Select(i => new BurnDownTask(i.DurationDays, i.PercentComplete, i.ActualStart, i.ActualFinish) { History = history[i.Id].ToList() })
            .ToList();
        var total = BurnDown.Total(tasks);
        if (total <= 0)
            return BotReply.Of(new MessageBuilder().Text(t["chart.burn_nothing", project.Key]).Build());

        var today = context.Today;
        var start = project.PlannedStart ?? schedule.ProjectStart;
        var finish = project.PlannedFinish ?? schedule.ProjectFinish;
        if (finish <= start)
            finish = schedule.ProjectFinish > start ? schedule.ProjectFinish : start.AddDays(1);
        // Work may begin before the planned start: the actual line then starts with it.
        var firstWork = tasks.Select(x => x.ActualStart).OfType<DateOnly>().Where(d => d <= today).DefaultIfEmpty(start).Min();
        var actual = BurnDown.Actual(tasks, firstWork < start ? firstWork : start, today);
        var chart = new LineChart
        {
            Title = t["chart.burn_title", project.Key, project.Name],
            Culture = t.Locale,
            ValueAxisLabel = t["chart.burn_axis"],
            Today = today,
            TodayLabel = t["chart.legend_today"],
            Series =
            [
                new ChartSeries(t["chart.burn_remaining"], actual.Select(p => new ChartPoint(p.Date, Math.Round(p.Remaining, 2))).ToList()),
                new ChartSeries(t["chart.burn_ideal"], [new ChartPoint(start, total), new ChartPoint(finish, 0)], SeriesStyle.Dashed),
            ],
        };
        var remaining = actual[^1].Remaining;
        var summary = t["chart.burn_summary", Days(remaining, t.Culture), Days(total, t.Culture),
            Math.Round(100 * (1 - remaining / total)).ToString(t.Culture), Days(BurnDown.Ideal(total, start, finish, today), t.Culture)];
        var reconstructed = tasks.Count(x => x.IsReconstructed);
        var note = reconstructed == 0 ? t["chart.burn_from_history"] : t["chart.burn_reconstructed_some", reconstructed];
        return await ChartReplies.PublishAsync(context, chart, $"{project.Key}-burndown-{today:yyyy-MM-dd}.png", summary, cancellationToken, note);
    }

    private static string Days(double days, CultureInfo culture) => days.ToString("0.#", culture);
}

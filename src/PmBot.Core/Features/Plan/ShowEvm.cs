using PmBot.Core.Charts;
using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Features.Costs;
using PmBot.Core.Localization;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>plan evm [at DATE] [project KEY]</c>: the earned value S-curve against the current baseline: cumulative PV (dashed,
/// drawn on to the baselined finish), EV and AC at the end of every week up to the status date (default today), a line at
/// the status date, and a summary with SPI, CPI and EAC. The figures are those of <c>plan status</c> (<see cref="EvmData"/>).
/// </summary>
public sealed class ShowEvm : ICommandHandler
{
    public CommandSpec Spec { get; } = new("plan evm", Access.ProjectStakeholder,
    [
        new("at", ParamKind.Date, Required: false, Keyword: "at"),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var data = await EvmOf.LoadAsync(context.Store, project, context.Today, cancellationToken);
        if (ShowStatus.ProblemReply(t, project, data.Problem) is { } problem)
            return problem;

        var statusDate = command.Date("at") ?? context.Today;
        var p = data.At(statusDate).Report.Project;
        var chart = Chart(t, t["chart.evm_title", project.Key, project.Name, t.Date(statusDate)], project.Currency,
            data.WeeklySeries(statusDate, planThroughFinish: true), statusDate);
        var summary = t["chart.evm_summary", t.Money(p.Pv), t.Money(p.Ev), t.Money(p.Ac), t.Index(p.Spi), t.Index(p.Cpi),
            t.Money(p.EacAtCpi), t.Money(p.Bac), project.Currency];
        var note = t["evm.basis", data.Baseline!.Number, t.Date(data.BaselineStart), t.Date(data.BaselineFinish), project.Currency];
        return await ChartReplies.PublishAsync(context, chart, $"{project.Key}-evm-{statusDate:yyyy-MM-dd}.png", summary, cancellationToken, note);
    }

    /// <summary>
    /// The S-curve of <paramref name="points"/> (<see cref="EvmData.WeeklySeries"/>): PV dashed over every point, EV and
    /// AC solid over the points up to the status date (those that have them), and the status date's line.
    /// </summary>
    public static LineChart Chart(Localizer t, string title, string currency, IReadOnlyList<EvPoint> points, DateOnly statusDate) => new()
    {
        Title = title,
        Culture = t.Locale,
        ValueAxisLabel = t["chart.evm_axis", currency],
        Today = statusDate,
        TodayLabel = t["chart.evm_status_date"],
        Series =
        [
            new ChartSeries(t["chart.evm_pv"], points.Select(p => new ChartPoint(p.Date, (double)p.Pv)).ToList(), SeriesStyle.Dashed),
            new ChartSeries(t["chart.evm_ev"], points.Where(p => p.Ev is not null).Select(p => new ChartPoint(p.Date, (double)p.Ev!.Value)).ToList()),
            new ChartSeries(t["chart.evm_ac"], points.Where(p => p.Ac is not null).Select(p => new ChartPoint(p.Date, (double)p.Ac!.Value)).ToList()),
        ],
    };
}

using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Costs;

/// <summary>
/// <c>budget show [at DATE] [project KEY]</c>: per category the planned amount, the actual, % consumed, burn rate per week
/// (last 4 weeks), forecast at completion and an alert flag; the total; and the WBS's own estimate (effort × rates + fixed
/// costs) against the budget lines. See <see cref="BudgetStatus"/> and <see cref="BudgetOf"/> for the rules.
/// </summary>
public sealed class ShowBudget : ICommandHandler
{
    public CommandSpec Spec { get; } = new("budget show", Access.ProjectStakeholder,
    [
        new("at", ParamKind.Date, Required: false, Keyword: "at"),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var statusDate = command.Date("at") ?? context.Today;
        var budget = await BudgetOf.ProjectAsync(context.Store, project, statusDate, context.Today, cancellationToken);
        var report = budget.Report;
        var title = t["budget.title", project.Key, project.Name, t.Date(statusDate), project.Currency];
        if (report.Lines.Count == 0 && budget.PlannedByWbs == 0)
        {
            return BotReply.Of(new MessageBuilder()
                .Text(t["budget.none_yet", project.Key])
                .Context(t["budget.set_hint"])
                .Build());
        }

        string Row(BudgetLineStatus line) => line.Alert ? "⚠️" : line.ForecastOverrun ? "📈" : "";
        var rows = report.Lines.Select(line => (IReadOnlyList<string>)
        [
            t.Category(line.Category) + (line.Budgeted ? "" : " " + t["budget.unbudgeted"]),
            line.Budgeted ? t.Money(line.Planned) : t["common.none"],
            t.Money(line.Actual),
            t.Percent(line.PercentConsumed),
            t.Money(line.BurnRatePerWeek),
            t.Money(line.Forecast),
            t.Signed(line.ForecastVariance),
            Row(line),
        ]).ToList();
        var total = report.Total;
        rows.Add(
        [
            t["budget.total_row"],
            t.Money(total.Planned),
            t.Money(total.Actual),
            t.Percent(total.PercentConsumed),
            t.Money(total.BurnRatePerWeek),
            t.Money(total.Forecast),
            t.Signed(total.ForecastVariance),
            Row(total),
        ]);
        var builder = new MessageBuilder()
            .Heading(title)
            .Table([t["costs.col.category"], t["budget.planned"], t["budget.actual"], t["budget.consumed"], t["budget.burn"], t["budget.forecast"], t["budget.variance"], ""], rows);
        foreach (var line in report.Alerts)
        {
            builder.Text(line.Alert
                ? "⚠️ " + (line.Budgeted
                    ? t["budget.alert_line", t.Category(line.Category), t.Percent(line.PercentConsumed), line.AlertPercent]
                    : t["budget.alert_unbudgeted", t.Category(line.Category), t.Money(line.Actual), line.Category])
                : "📈 " + t["budget.forecast_over", t.Category(line.Category), t.Money(line.Forecast), t.Money(line.Planned)]);
        }
        builder.Context(t["budget.wbs_estimate", t.Money(budget.PlannedLabour), t.Money(budget.PlannedFixed), t.Money(budget.PlannedByWbs, project), t.Money(total.Planned, project)]);
        if (budget.UnratedHours > 0)
            builder.Context(t["budget.unrated", t.Hours(budget.UnratedHours)]);
        builder.Context(t["budget.rules"]);
        return BotReply.Of(builder
            .Actions(
                new ActionButton(t["button.costs"], $"cost list project {project.Key}"),
                new ActionButton(t["button.plan_status"], $"plan status project {project.Key}"))
            .Fallback(title)
            .Build());
    }
}

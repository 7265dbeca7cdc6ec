using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Features.Costs;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>plan status [at DATE] [project KEY]</c>: earned value against the current baseline at a status date (default today):
/// PV, EV, AC, SV, CV, SPI, CPI, EAC (CPI and CPI × SPI), ETC, VAC and TCPI for the project and its top-level branches,
/// the reading in plain words, and the deviation analysis with corrective actions. See <see cref="EvmData"/> for the rules.
/// </summary>
public sealed class ShowStatus : ICommandHandler
{
    public CommandSpec Spec { get; } = new("plan status", Access.ProjectStakeholder,
    [
        new("at", ParamKind.Date, Required: false, Keyword: "at"),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var data = await EvmOf.LoadAsync(context.Store, project, context.Today, cancellationToken);
        if (ProblemReply(t, project, data.Problem) is { } problem)
            return problem;

        var statusDate = command.Date("at") ?? context.Today;
        var status = data.At(statusDate);
        var p = status.Report.Project;
        var title = t["evm.title", project.Key, project.Name, t.Date(statusDate)];
        var icon = status.Reading.Cost == CostPerformance.OverBudget || status.Reading.Schedule == SchedulePerformance.Behind ? "📉 " : "📈 ";
        var builder = new MessageBuilder()
            .Heading(title)
            .Text(icon + EvmText.Reading(t, data, status))
            .Fields(
                new Field(t["evm.bac"], t.Money(p.Bac)),
                new Field(t["evm.pv"], t.Money(p.Pv)),
                new Field(t["evm.ev"], t.Money(p.Ev)),
                new Field(t["evm.ac"], t.Money(p.Ac)),
                new Field(t["evm.sv"], t.Signed(p.Sv)),
                new Field(t["evm.cv"], t.Signed(p.Cv)),
                new Field(t["evm.spi"], t.Index(p.Spi)),
                new Field(t["evm.cpi"], t.Index(p.Cpi)),
                new Field(t["evm.eac_cpi"], t.Money(p.EacAtCpi)),
                new Field(t["evm.eac_cpi_spi"], t.Money(p.EacAtCpiSpi)),
                new Field(t["evm.etc"], t.Money(p.Etc)),
                new Field(t["evm.vac"], p.Vac is { } vac ? t.Signed(vac) : t["common.none"]),
                new Field(t["evm.tcpi"], t.Index(p.Tcpi)),
                new Field(t["evm.percent"], t["evm.percent_value", t.Percent(Round(p.PercentComplete)), t.Percent(Round(p.PercentPlanned)), t.Percent(Round(p.PercentSpent))]))
            .Text(EvmText.Forecast(t, data, status));

        var rows = status.Report.Branches.Where(b => b.Depth == 1).Select(b => Row(t, EvmText.Branch(data, b.OutlineCode), b.Metrics)).ToList();
        if (status.Report.Items.FirstOrDefault(i => i.Id == EvmData.ProjectLevelId) is { } unassigned)
            rows.Add(Row(t, t["evm.project_costs"], unassigned.Metrics));
        if (rows.Count > 0)
            builder.Table([t["evm.branch"], t["evm.bac"], t["evm.pv"], t["evm.ev"], t["evm.ac"], t["evm.sv"], t["evm.cv"], t["evm.spi"], t["evm.cpi"]], rows);

        var deviations = status.Deviation is { } deviation ? EvmText.Deviations(t, data, deviation) : [];
        foreach (var line in deviations)
            builder.Text(line);
        if (deviations.Count == 0)
            builder.Text("✅ " + t["evm.nothing_to_correct"]);
        builder.Context(t["evm.basis", data.Baseline!.Number, t.Date(data.BaselineStart), t.Date(data.BaselineFinish), project.Currency]);
        return BotReply.Of(builder
            .Actions(
                new ActionButton(t["button.budget"], $"budget show project {project.Key}"),
                new ActionButton(t["button.schedule"], $"plan schedule project {project.Key}"))
            .Fallback(title)
            .Build());
    }

    /// <summary>What earned value answers when it cannot be measured yet (no tasks, or no baseline: with a <c>plan baseline</c> button); null when it can.</summary>
    public static BotReply? ProblemReply(Localization.Localizer t, Domain.Project project, EvmProblem problem) => problem switch
    {
        EvmProblem.NoTasks => BotReply.Of(new MessageBuilder().Text(t["task.none_yet", project.Key]).Context(t["task.add_hint"]).Build()),
        EvmProblem.NoBaseline => BotReply.Of(new MessageBuilder()
            .Text(t["evm.no_baseline", project.Key])
            .Actions(new ActionButton(t["button.baseline"], $"plan baseline project {project.Key}", ButtonStyle.Primary))
            .Build()),
        _ => null,
    };

    private static IReadOnlyList<string> Row(Localization.Localizer t, string name, EvMetrics m) =>
        [name, t.Money(m.Bac), t.Money(m.Pv), t.Money(m.Ev), t.Money(m.Ac), t.Signed(m.Sv), t.Signed(m.Cv), t.Index(m.Spi), t.Index(m.Cpi)];

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;
}

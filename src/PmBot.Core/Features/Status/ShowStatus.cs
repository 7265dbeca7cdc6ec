using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Features.Digest;
using PmBot.Core.Features.Digest.Sections;
using PmBot.Core.Features.Plan;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Status;

/// <summary>
/// <c>status [KEY]</c>: the project's status for its channel: red / amber / green for schedule (forecast against the
/// baseline or planned finish, late tasks, SPI), cost (CPI against the baseline, budget alerts), scope (work added since the baseline), quality
/// (not measured yet) and risks (open blockers), and a paragraph that gives the figures behind each.
/// </summary>
public sealed class ShowStatus : ICommandHandler
{
    public CommandSpec Spec { get; } = new("status", Access.ProjectStakeholder, [new("project", ParamKind.ProjectKey, Required: false)]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var project = context.Project!;
        // Blockers resolved "since now" are none: the summary counts open ones.
        var data = new ProjectData(context.Store, context.Workspace, project, context.Today, context.Now, context.Now);
        await data.PrepareAsync(cancellationToken);
        _ = data.ForecastAsync(cancellationToken); // the summary's schedule line needs it whether or not there are milestones
        var wbs = await data.WbsAsync(cancellationToken);
        var schedule = await data.ScheduleAsync(cancellationToken);
        var baseline = await data.BaselineAsync(cancellationToken);
        var blockers = await data.BlockersAsync(cancellationToken);
        var pulse = await data.PulseAsync(cancellationToken) is { } input ? PulseFigures.From(input, await data.MembersAsync(cancellationToken)) : null;
        var evm = baseline is null ? null : await data.EvmAsync(cancellationToken) is { Problem: EvmProblem.None } loaded ? loaded.ProjectAt(context.Today).Report.Project : null;
        var budget = await data.BudgetAsync(cancellationToken);
        var figures = StatusReport.Compute(project, wbs, schedule, baseline, blockers, pulse, context.Today, context.Now, evm, budget?.Report,
            await data.ForecastAsync(cancellationToken));
        return BotReply.Of(StatusReport.Render(figures, project, context.T), ReplyVisibility.Conversation);
    }
}

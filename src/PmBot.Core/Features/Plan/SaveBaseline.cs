using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Costs;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>plan baseline [project KEY]</c> (PMs): snapshots today's schedule, effort and planned cost (effort × the owner's
/// rate now + fixed cost) of every task as the new current baseline; earlier baselines are kept. <c>plan schedule</c> then
/// shows each task's slip against it, and <c>plan status</c> measures earned value against its cost (the budget at completion).
/// </summary>
public sealed class SaveBaseline : ICommandHandler
{
    public CommandSpec Spec { get; } = new("plan baseline", Access.ProjectPm,
        [new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var (wbs, schedule, problem) = await ScheduleOf.ForCommandAsync(context, cancellationToken);
        if (schedule is null)
            return problem!;

        var earlier = await context.Store.ListBaselinesAsync(project.Id, cancellationToken);
        foreach (var old in earlier.Where(b => b.IsCurrent))
            old.IsCurrent = false;
        var baseline = new PlanBaseline
        {
            ProjectId = project.Id,
            Number = earlier.Count == 0 ? 1 : earlier.Max(b => b.Number) + 1,
            CreatedByMemberId = context.Member.Id,
            CreatedAt = context.Now,
            IsCurrent = true,
        };
        context.Store.Add(baseline);
        var rates = CostSheet.RatesOf(await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken));
        decimal budget = 0, effort = 0;
        foreach (var item in wbs.Items)
        {
            if (schedule.Find(wbs.ShortId(item)) is not { } dates)
                continue;
            var cost = CostSheet.PlannedCostOf(item, CostSheet.RateOf(item, rates));
            budget += cost;
            effort += item.EffortHours ?? 0;
            context.Store.Add(new PlanBaselineItem
            {
                BaselineId = baseline.Id,
                WorkItemId = item.Id,
                Start = dates.EarlyStart,
                Finish = dates.EarlyFinish,
                DurationDays = item.DurationDays,
                EffortHours = item.EffortHours ?? 0,
                PlannedCost = cost,
            });
        }
        var builder = new MessageBuilder()
            .Text("📌 " + t["plan.baselined", baseline.Number, project.Key, t.Date(schedule.ProjectFinish), schedule.Activities.Count]);
        if (budget > 0 || effort > 0)
            builder.Context(t["plan.baselined_budget", t.Money(budget, project), t.Hours(effort)]);
        return BotReply.Of(builder
            .Actions(new ActionButton(t["button.schedule"], $"plan schedule project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }
}

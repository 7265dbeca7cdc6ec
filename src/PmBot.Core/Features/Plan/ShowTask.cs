using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Costs;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>task show ID</c>: one work item as a card: status and progress, owner, scheduled, baselined and actual dates,
/// planned effort and cost, hours logged, actual cost, remaining hours, deliverable, description and acceptance
/// criteria, with buttons to edit it, log time on it and move it on. A parent shows the sums of its branch.
/// </summary>
public sealed class ShowTask : ICommandHandler
{
    public CommandSpec Spec { get; } = new("task show", Access.ProjectStakeholder,
    [
        new("item", ParamKind.ItemRef),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var store = context.Store;
        var wbs = new Wbs(project, await store.ListWorkItemsAsync(project.Id, cancellationToken));
        var reference = command.Item("item")!;
        if (wbs.Find(reference) is not { } item)
            return Replies.Error(t["task.not_found", reference, project.Key]);
        var id = wbs.ShortId(item);
        var members = (await store.ListMembersAsync(context.Workspace.Id, cancellationToken)).ToDictionary(m => m.Id);
        var links = await store.ListWorkItemLinksAsync(project.Id, cancellationToken);
        var timeEntries = await store.ListTimeEntriesAsync(project.Id, cancellationToken);
        var costEntries = await store.ListCostEntriesAsync(project.Id, cancellationToken);
        var baseline = (await store.ListBaselinesAsync(project.Id, cancellationToken)).FirstOrDefault(b => b.IsCurrent);
        var baselined = baseline is null ? [] : await store.ListBaselineItemsAsync(baseline.Id, cancellationToken);

        var sheet = new CostSheet(wbs, CostSheet.RatesOf(members.Values), timeEntries, costEntries);
        var costs = sheet.Of(item);
        var isParent = wbs.HasChildren(item);
        var schedule = ScheduleOf.Compute(wbs, links, context.Today);
        var leaves = isParent ? Leaves(wbs, item) : [item];
        var scheduled = leaves.Select(l => schedule?.Find(wbs.ShortId(l))).OfType<Planning.ScheduledActivity>().ToList();
        var leafIds = leaves.Select(l => l.Id).ToHashSet();
        var inBaseline = baselined.Where(b => leafIds.Contains(b.WorkItemId)).ToList();
        var owner = item.OwnerMemberId is { } ownerId ? members.GetValueOrDefault(ownerId) : null;

        var fields = new List<Field>
        {
            new(t["field.wbs"], wbs.Outline[item.Id]),
            new(t["field.status"], isParent ? t["task.branch_of", leaves.Count] : $"{t["task.status." + item.Status.ToString().ToLowerInvariant()]} · {item.PercentComplete}%"),
            new(t["field.owner"], owner is null ? t["common.none"]
                : context.Role == ProjectRole.Pm && owner.HourlyRate is { } rate ? t["task.owner_rate", owner.DisplayName, t.Money(rate), project.Currency] : owner.DisplayName),
            new(t["field.days"], isParent ? t["common.none"] : t["plan.working_days", item.DurationDays]),
            new(t["task.scheduled"], scheduled.Count == 0 ? t["common.none"] : t["task.span", t.Date(scheduled.Min(a => a.EarlyStart)), t.Date(scheduled.Max(a => a.EarlyFinish))]),
            new(t["task.actual_dates"], isParent || item.ActualStart is null ? t["common.none"] : t["task.span", t.Date(item.ActualStart), t.Date(item.ActualFinish)]),
            new(t["task.effort"], t.Hours(costs.EffortHours)),
            new(t["task.logged"], t.Hours(costs.HoursLogged)),
            new(t["task.remaining"], costs.RemainingHours is { } remaining
                ? isParent || item.RemainingHours is not null || item.Status == WorkItemStatus.Done ? t.Hours(remaining) : t["task.remaining_derived", t.Hours(remaining)]
                : t["common.none"]),
            new(t["task.planned_cost"], isParent ? t.Money(costs.PlannedCost, project) : t["task.planned_cost_detail", t.Money(costs.PlannedCost, project), t.Money(costs.PlannedLabour), t.Money(costs.FixedCost)]),
            new(t["task.actual_cost"], t["task.actual_cost_detail", t.Money(costs.ActualCost, project), t.Money(costs.LabourCost), t.Money(costs.OtherCost)]),
            new(t["task.deliverable"], t["choice." + (item.IsDeliverable ? "yes" : "no")]),
        };
        if (baseline is not null)
        {
            // Right after the scheduled dates.
            fields.Insert(5, new Field(t["task.baseline", baseline.Number], inBaseline.Count == 0 ? t["common.none"]
                : t["task.baseline_value", t.Date(inBaseline.Min(b => b.Start)), t.Date(inBaseline.Max(b => b.Finish)), t.Hours(inBaseline.Sum(b => b.EffortHours)), t.Money(inBaseline.Sum(b => b.PlannedCost))]));
        }
        var after = links.Where(l => l.SuccessorId == item.Id).Select(l => wbs.ShortId(wbs.Get(l.PredecessorId))).ToList();
        if (after.Count > 0)
            fields.Add(new Field(t["field.after"], string.Join(", ", after)));

        var builder = new MessageBuilder()
            .Heading($"{id} · {item.Name}")
            .Fields([.. fields]);
        if (!string.IsNullOrWhiteSpace(item.Description))
            builder.Text($"*{t["task.description"]}:* {item.Description}");
        if (!string.IsNullOrWhiteSpace(item.AcceptanceCriteria))
            builder.Text($"*{t["task.criteria"]}:* {item.AcceptanceCriteria}");
        if (baseline is not null && inBaseline.Count > 0 && costs.PlannedCost != inBaseline.Sum(b => b.PlannedCost))
            builder.Context(t["task.cost_vs_baseline", t.Signed(costs.PlannedCost - inBaseline.Sum(b => b.PlannedCost)), baseline.Number]);

        var buttons = new List<ActionButton> { new(t["button.edit_task"], $"task set {id}") };
        if (!isParent)
        {
            buttons.Add(new ActionButton(t["button.log_time"], "log"));
            if (item.Status == WorkItemStatus.NotStarted)
                buttons.Add(new ActionButton(t["mytasks.start", id], $"task start {id}"));
            else if (item.Status == WorkItemStatus.InProgress)
                buttons.Add(new ActionButton(t["button.done"], $"task done {id}", ButtonStyle.Primary));
        }
        return BotReply.Of(builder.Actions([.. buttons]).Fallback($"{id} · {item.Name}").Build());
    }

    private static List<WorkItem> Leaves(Wbs wbs, WorkItem parent)
    {
        var prefix = wbs.Outline[parent.Id] + ".";
        return wbs.Items.Where(i => wbs.Outline[i.Id].StartsWith(prefix, StringComparison.Ordinal) && !wbs.HasChildren(i)).ToList();
    }
}

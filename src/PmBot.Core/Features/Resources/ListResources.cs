using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Resources;

/// <summary>
/// <c>resource list [project KEY]</c>: the project's equipment and materials with quantity, cost, needed-by date,
/// supplier, delivery status and work item, and the total material cost. Late ones are flagged: not delivered by the
/// day they are due (their needed-by date or their item's scheduled start, the earlier), expected after it, or needed
/// after their item starts.
/// </summary>
public sealed class ListResources : ICommandHandler
{
    public CommandSpec Spec { get; } = new("resource list", Access.ProjectStakeholder,
        [new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var resources = await context.Store.ListResourcesAsync(project.Id, cancellationToken);
        if (resources.Count == 0)
            return BotReply.Of(new MessageBuilder().Text(t["resource.none_yet", project.Key]).Context(t["resource.add_hint"]).Build());
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        var schedule = await ScheduleOf.ProjectAsync(context.Store, wbs, context.Today, cancellationToken);

        var none = t["common.none"];
        var rows = new List<IReadOnlyList<string>>();
        var warnings = new List<string>();
        foreach (var r in resources)
        {
            var item = r.WorkItemId is { } itemId ? wbs.Get(itemId) : null;
            var start = StartOf(wbs, schedule, item);
            var late = r.Lateness(context.Today, start);
            rows.Add(
            [
                r.ShortId,
                r.Name,
                r.Quantity.ToString("0.###", t.Culture),
                r.UnitCost is { } unit ? t["resource.cost", unit] : none,
                r.Cost is { } cost ? t["resource.cost", cost] : none,
                t.Date(r.NeededBy),
                r.Supplier ?? none,
                State(t, r),
                item is null ? none : wbs.ShortId(item),
                late == ResourceLateness.None ? "" : "⚠️",
            ]);
            if (late != ResourceLateness.None)
                warnings.Add("- ⚠️ " + Late(t, r, late, item is null ? "" : wbs.ShortId(item), start));
        }
        var total = resources.Sum(r => r.Cost ?? 0);
        var builder = new MessageBuilder()
            .Heading(t["resource.list_title", project.Key, resources.Count])
            .Table([t["field.id"], t["field.name"], t["field.qty"], t["field.unit_cost"], t["field.cost"], t["field.needed_by"], t["field.supplier"], t["field.status"], t["field.item"], ""], rows)
            .Text(t["resource.total", t["resource.cost", total]]);
        if (warnings.Count > 0)
            builder.Text(t["resource.late_title", warnings.Count] + "\n" + string.Join("\n", warnings));
        return BotReply.Of(builder
            .Context(t["resource.status_hint"])
            .Fallback(t["resource.list_title", project.Key, resources.Count])
            .Build());
    }

    /// <summary>A work item's scheduled start: its own, or for a parent the earliest of its tasks' (null without an item or a schedule).</summary>
    public static DateOnly? StartOf(Wbs wbs, ScheduleResult? schedule, WorkItem? item)
    {
        if (item is null || schedule is null)
            return null;
        if (schedule.Find(wbs.ShortId(item)) is { } own)
            return own.EarlyStart;
        var prefix = wbs.Outline[item.Id] + ".";
        var starts = wbs.Items
            .Where(i => wbs.Outline[i.Id].StartsWith(prefix, StringComparison.Ordinal))
            .Select(i => schedule.Find(wbs.ShortId(i))?.EarlyStart)
            .OfType<DateOnly>()
            .ToList();
        return starts.Count == 0 ? null : starts.Min();
    }

    /// <summary>"ordered, expected 2027-01-28" or "delivered 2027-01-20".</summary>
    internal static string State(Localizer t, ProjectResource r) => r.Status switch
    {
        ResourceStatus.Delivered => t["resource.state.delivered_on", t.Date(r.DeliveredOn)],
        _ => t["resource.state." + r.Status.ToString().ToLowerInvariant()] + (r.ExpectedDelivery is { } eta ? t["resource.expected", t.Date(eta)] : ""),
    };

    /// <summary>"R1 “Crane” is late: was due 2027-02-01; …".</summary>
    internal static string Late(Localizer t, ProjectResource r, ResourceLateness late, string itemId, DateOnly? start)
    {
        var due = r.DueDate(start);
        var reasons = new List<string>();
        if (late.HasFlag(ResourceLateness.Overdue))
            reasons.Add(t["resource.late.overdue", t.Date(due)]);
        if (late.HasFlag(ResourceLateness.ArrivesTooLate))
            reasons.Add(t["resource.late.eta", t.Date(r.ExpectedDelivery), t.Date(due)]);
        if (late.HasFlag(ResourceLateness.NeededAfterItemStarts))
            reasons.Add(t["resource.late.after_start", t.Date(r.NeededBy), itemId, t.Date(start)]);
        return t["resource.late", r.ShortId, r.Name, string.Join("; ", reasons)];
    }
}

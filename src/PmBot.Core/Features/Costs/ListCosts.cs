using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Members;
using PmBot.Core.Features.Plan;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Costs;

/// <summary><c>cost list [project KEY]</c>: the project's recorded costs, newest first (the last <see cref="MaxRows"/>), with totals per category.</summary>
public sealed class ListCosts : ICommandHandler
{
    public const int MaxRows = 30;

    public CommandSpec Spec { get; } = new("cost list", Access.ProjectStakeholder,
        [new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var entries = await context.Store.ListCostEntriesAsync(project.Id, cancellationToken);
        if (entries.Count == 0)
            return BotReply.Of(new MessageBuilder().Text(t["cost.none_yet", project.Key]).Context(t["cost.add_hint"]).Build());
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        var byId = wbs.Items.ToDictionary(i => i.Id);
        var people = (await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken)).ToDictionary(m => m.Id, m => m.DisplayName);
        var rows = entries.AsEnumerable().Reverse().Take(MaxRows).Select(e => (IReadOnlyList<string>)
        [
            t.Date(e.Date),
            t.Money(e.Amount),
            t.Category(e.Category),
            e.WorkItemId is { } item && byId.TryGetValue(item, out var w) ? wbs.ShortId(w) : "",
            e.Description,
            people.GetValueOrDefault(e.RecordedByMemberId, ""),
        ]).ToList();
        var totals = entries.GroupBy(e => e.Category).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{t.Category(g.Key)} {t.Money(g.Sum(e => e.Amount))}");
        var builder = new MessageBuilder()
            .Heading(t["cost.list_title", project.Key, entries.Count, t.Money(entries.Sum(e => e.Amount), project)])
            .Table([t["costs.col.date"], t["costs.col.amount"], t["costs.col.category"], t["field.id"], t["costs.col.description"], t["costs.col.by"]], rows)
            .Context(t["cost.by_category", string.Join(" · ", totals)]);
        if (entries.Count > MaxRows)
            builder.Context(t["costs.latest_only", MaxRows]);
        return BotReply.Of(builder
            .Actions(new ActionButton(t["button.budget"], $"budget show project {project.Key}"))
            .Fallback(t["cost.list_title", project.Key, entries.Count, t.Money(entries.Sum(e => e.Amount), project)])
            .Build());
    }
}

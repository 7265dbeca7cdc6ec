using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Costs;

/// <summary>
/// <c>cost add AMOUNT "description" [ID] [category] [date DATE]</c> (members and PMs): money spent, in the project's
/// currency, on a work item or the project as a whole, in a category (default <c>other</c>), on a date (default today;
/// not in the future). The reply says how much of the category's budget line is consumed.
/// </summary>
public sealed class AddCost : ICommandHandler
{
    public CommandSpec Spec { get; } = new("cost add", Access.ProjectMember,
    [
        new("amount", ParamKind.Money),
        new("description", ParamKind.Text),
        new("item", ParamKind.ItemRef, Required: false),
        new("category", ParamKind.Text, Required: false),
        new("date", ParamKind.Date, Required: false, Keyword: "date"),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var amount = command.Decimal("amount")!.Value;
        if (amount == 0)
            return Replies.Error(t["cost.zero"]);
        var description = command.Text("description")!.Trim();
        if (description.Length is 0 or > CostEntry.MaxDescriptionLength)
            return Replies.Error(t["costs.text_too_long", t["param.description"], CostEntry.MaxDescriptionLength]);
        var category = CostCategories.Normalize(command.Text("category"));
        if (!CostCategories.IsValid(category))
            return Replies.Error(t["cost.bad_category", CostCategories.MaxLength]);
        var date = command.Date("date") ?? context.Today;
        if (date > context.Today)
            return Replies.Error(t["costs.future_date", t.Date(date)]);
        WorkItem? item = null;
        string? id = null;
        if (command.Item("item") is { } reference)
        {
            var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
            if ((item = wbs.Find(reference)) is null)
                return Replies.Error(t["task.not_found", reference, project.Key]);
            id = wbs.ShortId(item);
        }

        context.Store.Add(new CostEntry
        {
            ProjectId = project.Id,
            WorkItemId = item?.Id,
            Amount = amount,
            Description = description,
            Category = category,
            Date = date,
            RecordedByMemberId = context.Member.Id,
            CreatedAt = context.Now,
        });

        var builder = new MessageBuilder().Text("💸 " + t[item is null ? "cost.added_project" : "cost.added",
            t.Money(amount, project), description, t.Category(category), t.Date(date), id ?? "", item?.Name ?? ""]);
        var line = (await context.Store.ListBudgetLinesAsync(project.Id, cancellationToken)).FirstOrDefault(l => l.Category == category);
        if (line is not null)
        {
            var spent = amount + (await context.Store.ListCostEntriesAsync(project.Id, cancellationToken)).Where(e => e.Category == category).Sum(e => e.Amount);
            if (category == CostCategories.Labour)
                spent += (await context.Store.ListTimeEntriesAsync(project.Id, cancellationToken)).Sum(e => e.Cost);
            var consumed = line.Amount == 0 ? 100 : spent * 100 / line.Amount;
            var text = t["cost.line_consumed", t.Category(category), t.Money(spent), t.Money(line.Amount, project), t.Percent(Math.Round(consumed, 1))];
            builder.Text(consumed >= line.AlertPercent ? "⚠️ " + text + " " + t["budget.alert_reached", line.AlertPercent] : text);
        }
        else
        {
            builder.Context(t["cost.no_line", t.Category(category), category]);
        }
        return BotReply.Of(builder
            .Actions(new ActionButton(t["button.budget"], $"budget show project {project.Key}"), new ActionButton(t["button.costs"], $"cost list project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }
}

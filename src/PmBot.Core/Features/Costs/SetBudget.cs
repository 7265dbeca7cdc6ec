using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Costs;

/// <summary>
/// <c>budget set CATEGORY AMOUNT [alert N%]</c> (PMs): the amount planned for a category of spending, and the share of
/// it at which <c>budget show</c> (and later alerts) flag it (default 90%). Amount 0 removes the line. The category
/// <c>labour</c> (also <c>labor</c>, <c>人工</c>) is the cost of logged hours.
/// </summary>
public sealed class SetBudget : ICommandHandler
{
    public CommandSpec Spec { get; } = new("budget set", Access.ProjectPm,
    [
        new("category", ParamKind.Text),
        new("amount", ParamKind.Money),
        new("alert", ParamKind.Percent, Required: false, Keyword: "alert"),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var category = CostCategories.Normalize(command.Text("category"));
        if (!CostCategories.IsValid(category))
            return Replies.Error(t["cost.bad_category", CostCategories.MaxLength]);
        var amount = command.Decimal("amount")!.Value;
        var alert = command.Integer("alert");
        if (alert == 0)
            return Replies.Error(t["budget.bad_alert"]);
        var lines = await context.Store.ListBudgetLinesAsync(project.Id, cancellationToken);
        var line = lines.FirstOrDefault(l => l.Category == category);
        string text;
        if (amount == 0)
        {
            if (line is null)
                return Replies.Error(t["budget.no_such_line", t.Category(category), project.Key]);
            context.Store.Remove(line);
            text = "🗑️ " + t["budget.removed", t.Category(category), project.Key];
        }
        else
        {
            if (line is null)
            {
                line = new BudgetLine { ProjectId = project.Id, Category = category, Amount = amount, AlertPercent = alert ?? BudgetLine.DefaultAlertPercent, UpdatedAt = context.Now };
                context.Store.Add(line);
            }
            else
            {
                line.Amount = amount;
                line.AlertPercent = alert ?? line.AlertPercent;
                line.UpdatedAt = context.Now;
            }
            text = "✅ " + t["budget.set", t.Category(category), t.Money(amount, project), line.AlertPercent, project.Key];
        }
        var total = lines.Where(l => l.Category != category).Sum(l => l.Amount) + amount;
        return BotReply.Of(new MessageBuilder()
            .Text(text)
            .Context(t["budget.total", t.Money(total, project)])
            .Actions(new ActionButton(t["button.budget"], $"budget show project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }
}

using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Costs;

/// <summary>
/// <c>task remaining ID Nh [date DATE]</c> (members and PMs): the team's estimate of the hours a task still needs, as of a
/// date (default today), kept in the task's progress history. 0 does not close the task (<c>task done</c> does); earned
/// value turns the estimate into remaining working days (8 hours a day) to spot under-estimated critical work.
/// </summary>
public sealed class SetRemaining : ICommandHandler
{
    public CommandSpec Spec { get; } = new("task remaining", Access.ProjectMember,
    [
        new("item", ParamKind.ItemRef),
        new("remaining", ParamKind.Hours),
        new("date", ParamKind.Date, Required: false, Keyword: "date"),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        var reference = command.Item("item")!;
        if (wbs.Find(reference) is not { } item)
            return Replies.Error(t["task.not_found", reference, project.Key]);
        var id = wbs.ShortId(item);
        if (wbs.HasChildren(item))
            return Replies.Error(t["task.progress_summary", id]);
        var asOf = command.Date("date") ?? context.Today;
        var latest = await context.Store.FindLatestProgressSnapshotAsync(item.Id, cancellationToken);
        if (ProgressLog.Refusal(asOf, context.Today, latest) is { } refusal)
            return Replies.Error(t[refusal.Key, refusal.Args]);

        var remaining = command.Decimal("remaining")!.Value;
        item.RemainingHours = remaining;
        ProgressLog.Record(context.Store, item, latest, asOf, context.Now);

        var logged = (await context.Store.ListTimeEntriesAsync(project.Id, cancellationToken)).Where(e => e.WorkItemId == item.Id).Sum(e => e.Hours);
        var builder = new MessageBuilder().Text("⏳ " + t["remaining.set", id, item.Name, t.Hours(remaining), t.Hours(logged)]);
        if (item.EffortHours is { } effort && logged + remaining != effort)
        {
            var difference = logged + remaining - effort;
            builder.Context(t[difference > 0 ? "remaining.over_effort" : "remaining.under_effort", t.Hours(Math.Abs(difference)), t.Hours(effort)]);
        }
        if (command.Date("date") is { } dated && dated != context.Today)
            builder.Context(t["progress.as_of", t.Date(dated)]);
        var buttons = new List<ActionButton> { new(t["button.show_task"], $"task show {id}") };
        if (remaining == 0 && item.Status != WorkItemStatus.Done)
        {
            builder.Text(t["remaining.zero_hint", id]);
            buttons.Insert(0, new ActionButton(t["button.done"], $"task done {id}", ButtonStyle.Primary));
        }
        return BotReply.Of(builder.Actions([.. buttons]).Build(), ReplyVisibility.Conversation);
    }
}

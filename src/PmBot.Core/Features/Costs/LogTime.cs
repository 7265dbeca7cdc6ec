using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Costs;

/// <summary>
/// <c>log Nh ID ["note"] [date DATE]</c> (members and PMs): hours I worked on a task, on a date (default today; not in the
/// future). The cost is the hours × my hourly rate now, frozen on the entry. Logging on a task not started starts it
/// on that date; a remaining estimate given with <c>task remaining</c> goes down by the hours logged.
/// </summary>
public sealed class LogTime : ICommandHandler
{
    public CommandSpec Spec { get; } = new("log", Access.ProjectMember,
    [
        new("hours", ParamKind.Hours),
        new("item", ParamKind.ItemRef),
        new("note", ParamKind.Text, Required: false),
        new("date", ParamKind.Date, Required: false, Keyword: "date"),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var hours = command.Decimal("hours")!.Value;
        if (hours <= 0 || hours > TimeEntry.MaxHours)
            return Replies.Error(t["log.bad_hours", t.Hours(hours), TimeEntry.MaxHours]);
        var date = command.Date("date") ?? context.Today;
        if (date > context.Today)
            return Replies.Error(t["costs.future_date", t.Date(date)]);
        var note = command.Text("note")?.Trim();
        if (note?.Length > TimeEntry.MaxNoteLength)
            return Replies.Error(t["costs.text_too_long", t["param.note"], TimeEntry.MaxNoteLength]);
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        var reference = command.Item("item")!;
        if (wbs.Find(reference) is not { } item)
            return Replies.Error(t["task.not_found", reference, project.Key]);
        var id = wbs.ShortId(item);
        if (wbs.HasChildren(item))
            return Replies.Error(t["log.on_parent", id]);

        var rate = context.Member.HourlyRate ?? 0;
        var entry = new TimeEntry
        {
            ProjectId = project.Id,
            WorkItemId = item.Id,
            MemberId = context.Member.Id,
            Date = date,
            Hours = hours,
            Rate = rate,
            Cost = TimeEntry.CostOf(hours, rate),
            Note = string.IsNullOrEmpty(note) ? null : note,
            CreatedAt = context.Now,
        };
        context.Store.Add(entry);

        var started = item.Status == WorkItemStatus.NotStarted;
        if (started)
            item.Start(date);
        else if (item.ActualStart > date)
            item.ActualStart = date; // the work began earlier than recorded
        var remainingChanged = false;
        if (item.RemainingHours is { } before && before > 0)
        {
            item.RemainingHours = Math.Max(0, before - hours);
            remainingChanged = true;
        }
        if (started || remainingChanged)
        {
            // The history only moves forward: an entry dated before the latest report leaves the history as it is.
            var latest = await context.Store.FindLatestProgressSnapshotAsync(item.Id, cancellationToken);
            if (latest is null || latest.Date <= date)
                ProgressLog.Record(context.Store, item, latest, date, context.Now);
        }

        var logged = (await context.Store.ListTimeEntriesAsync(project.Id, cancellationToken)).Where(e => e.WorkItemId == item.Id && e.Id != entry.Id).Sum(e => e.Hours) + hours;
        var builder = new MessageBuilder()
            .Text("⏱️ " + t["log.logged", t.Hours(hours), id, item.Name, t.Date(date), t.Money(entry.Cost, project)]);
        var remaining = item.RemainingHoursAfter(logged);
        builder.Text(item.EffortHours is { } effort
            ? t["log.total_of_effort", t.Hours(logged), t.Hours(effort), t.Hours(remaining)]
            : t["log.total", t.Hours(logged)]);
        if (started)
            builder.Text("▶️ " + t["log.started", id, t.Date(date)]);
        if (context.Member.HourlyRate is null)
            builder.Context(t["log.no_rate", context.Member.DisplayName]);
        return BotReply.Of(builder
            .Actions(
                new ActionButton(t["button.show_task"], $"task show {id}"),
                new ActionButton(t["button.my_log"], $"log list <@{context.Member.ExternalUserId}>"))
            .Build(), ReplyVisibility.Conversation);
    }
}

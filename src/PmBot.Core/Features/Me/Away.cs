using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Calendar;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Me;

/// <summary><c>me away FROM TO ["reason"]</c>: I am away those days (both included): no check-in prompts, and shown as away.</summary>
public sealed class MeAway : ICommandHandler
{
    public CommandSpec Spec { get; } = new("me away", Access.Anyone,
        [new("first_day", ParamKind.Date), new("last_day", ParamKind.Date), new("reason", ParamKind.Text, Required: false)]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var from = command.Date("first_day")!.Value;
        var to = command.Date("last_day")!.Value;
        var reason = command.Text("reason")?.Trim();
        if (to < from)
            return Replies.Error(t["away.to_before_from", t.Date(to), t.Date(from)]);
        if (to < context.Today)
            return Replies.Error(t["away.in_the_past", t.Date(to)]);
        if (to.DayNumber - from.DayNumber > 366)
            return Replies.Error(t["away.too_long"]);
        if (reason is { Length: > Absence.MaxReasonLength })
            return Replies.Error(t["parse.too_long", t["param.reason"], Absence.MaxReasonLength]);
        context.Store.Add(new Absence { WorkspaceId = context.Workspace.Id, MemberId = context.Member.Id, From = from, To = to, Reason = reason, CreatedAt = context.Now });
        var skipped = await CalendarEffects.MarkAwayAsync(context.Store, context.Workspace.Id, context.Member.Id, from, to, AwayReason.Absence, context.Now, cancellationToken);
        var days = to.DayNumber - from.DayNumber + 1;
        return BotReply.Of(new MessageBuilder()
            .Text("🌴 " + t["away.set", t.Date(from), t.Date(to), days] + (skipped > 0 ? " " + t["calendar.prompts_cancelled", skipped] : ""))
            .Context(t["away.back_hint"])
            .Build());
    }
}

/// <summary><c>me back</c>: ends my current absence today and drops the ones to come.</summary>
public sealed class MeBack : ICommandHandler
{
    public CommandSpec Spec { get; } = new("me back", Access.Anyone, []);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var today = context.Today;
        var absences = await context.Store.ListAbsencesOfMemberAsync(context.Member.Id, today, cancellationToken);
        if (absences.Count == 0)
            return Replies.Error(t["away.not_away"]);
        var until = absences.Max(a => a.To);
        foreach (var absence in absences)
        {
            if (absence.From < today)
                absence.To = today.AddDays(-1);
            else
                context.Store.Remove(absence);
        }
        await CalendarEffects.ForgetAwayAsync(context.Store, context.Workspace.Id, context.Member.Id, today, until, AwayReason.Absence, context.Now, cancellationToken);
        return BotReply.Of(OutboundMessage.Text("👋 " + t["away.back"]));
    }
}

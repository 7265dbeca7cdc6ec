using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Checkins;
using PmBot.Core.Features.Members;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Digest;

/// <summary>
/// <c>nudge @user [project KEY]</c> (PMs; the digest's "Nudge" button): reminds a member, in a DM through the outbox
/// and in their language, with an "Answer" button (<c>checkin answer sN-yyyyMMdd</c>), of their check-in in the project that is waiting for an answer (the oldest one still
/// answerable). Once a day per check-in: a second nudge the same day is refused, not sent.
/// </summary>
public sealed class Nudge : ICommandHandler
{
    public CommandSpec Spec { get; } = new("nudge", Access.ProjectPm,
    [
        new("user", ParamKind.Mention),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var found = await MemberLookup.FindAsync(context, command.Mention("user")!, cancellationToken);
        if (found.Member is not { } target)
            return Replies.Error(found.Error!);
        var now = context.Now;
        var waiting = (await context.Store.ListAnswerableCheckinOccurrencesAsync(target.Id, now, cancellationToken))
            .Where(o => o.ProjectId == project.Id && o.StateAt(now) is OccurrenceState.Sent or OccurrenceState.Missed)
            .OrderBy(o => o.PromptAt)
            .ToList();
        if (waiting.Count == 0)
            return Replies.Error(t["nudge.nothing", target.DisplayName, project.Key]);
        var occurrence = waiting[0];
        var key = $"nudge:{occurrence.Id:N}:{context.Today:yyyy-MM-dd}";
        if (await context.Store.OutboxMessageExistsAsync(key, cancellationToken))
            return Replies.Error(t["nudge.already", target.DisplayName, t.Date(occurrence.LocalDate)]);

        var schedule = await context.Store.GetCheckinScheduleAsync(occurrence.ScheduleId, cancellationToken);
        var template = schedule is null ? null : await context.Store.GetCheckinTemplateAsync(schedule.TemplateId, cancellationToken);
        var name = template?.Name ?? "#" + schedule?.Number;
        var theirs = Localizer.For(target.Locale);
        var until = TimeZoneInfo.ConvertTime(occurrence.AnswerableUntil, MemberClock.Zone(target));
        var note = new MessageBuilder()
            .Text("⏰ " + theirs["nudge.message", context.Member.DisplayName, name, theirs.Date(occurrence.LocalDate), project.Key])
            .Context(theirs["nudge.until", theirs.Date(DateOnly.FromDateTime(until.DateTime)), until.ToString("HH:mm", theirs.Culture), waiting.Count]);
        // The button opens this very check-in's form, whichever of theirs is the earliest open.
        if (schedule is not null)
            note.Actions(new ActionButton(theirs["nudge.answer"], $"{CheckinAnswering.FormCommand} {new OccurrenceKey(schedule.Number, occurrence.LocalDate)}"));
        context.Notify(target, note.Build(), key);
        return BotReply.Of(new MessageBuilder().Text("✅ " + t["nudge.sent", target.DisplayName, name, t.Date(occurrence.LocalDate)]).Build());
    }
}

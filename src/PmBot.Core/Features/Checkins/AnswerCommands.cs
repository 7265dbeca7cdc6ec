using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Checkins;

/// <summary>
/// <c>checkin answer [sN-YYYYMMDD]</c>: opens the answer form of a check-in (the prompt's button names it; without it,
/// my earliest open one), and records the form when it is submitted (its inputs are named after the check-in).
/// </summary>
public sealed class AnswerCheckin : ICommandHandler
{
    public CommandSpec Spec { get; } = new(CheckinAnswering.FormCommand, Access.Anyone, [new("checkin", ParamKind.Text, Required: false)]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (context.Activity.Form is { } form)
        {
            var first = form.Values.Keys.FirstOrDefault(k => k.Contains('.', StringComparison.Ordinal));
            if (first is null || !OccurrenceKey.TryParse(first[..first.IndexOf('.', StringComparison.Ordinal)], out var submitted))
                return Replies.Error(t["checkin.bad_form"]);
            var prefix = submitted + ".";
            var values = form.Values.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);
            var (target, error) = await CheckinTarget.ForKeyAsync(context, submitted, stage: true, cancellationToken);
            return target is null ? Replies.Error(error!) : await CheckinAnswering.RecordAsync(context, target, values, cancellationToken);
        }
        OccurrenceKey? key = null;
        if (command.Text("checkin") is { } text)
        {
            if (!OccurrenceKey.TryParse(text, out var parsed))
                return Replies.Error(t["checkin.bad_key", text]);
            key = parsed;
        }
        key ??= await OpenKeyAsync(context, cancellationToken);
        if (key is null)
            return Replies.Error(t["checkin.nothing_open"]);
        var (shown, problem) = await CheckinTarget.ForKeyAsync(context, key, stage: false, cancellationToken);
        return shown is null ? Replies.Error(problem!) : await CheckinAnswering.FormAsync(context, shown, cancellationToken);
    }

    /// <summary>My earliest prompted, unanswered check-in still open.</summary>
    private static async Task<OccurrenceKey?> OpenKeyAsync(CommandContext context, CancellationToken cancellationToken)
    {
        foreach (var occurrence in await context.Store.ListAnswerableCheckinOccurrencesAsync(context.Member.Id, context.Now, cancellationToken))
        {
            if (occurrence.State == OccurrenceState.Answered || occurrence.PromptAt > context.Now)
                continue;
            if (await context.Store.GetCheckinScheduleAsync(occurrence.ScheduleId, cancellationToken) is { } schedule)
                return new OccurrenceKey(schedule.Number, occurrence.LocalDate);
        }
        return null;
    }
}

/// <summary><c>checkin now [TEMPLATE]</c>: answer my next check-in now, before (or without waiting for) its prompt.</summary>
public sealed class CheckinNow : ICommandHandler
{
    public CommandSpec Spec { get; } = new("checkin now", Access.Anyone, [new("template", ParamKind.Text, Required: false)]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var (key, error) = await CheckinTarget.NextAsync(context, command.Text("template"), cancellationToken);
        if (key is null)
            return Replies.Error(error!);
        var (target, problem) = await CheckinTarget.ForKeyAsync(context, key, stage: false, cancellationToken);
        return target is null ? Replies.Error(problem!) : await CheckinAnswering.FormAsync(context, target, cancellationToken);
    }
}

/// <summary><c>checkin edit [TEMPLATE]</c>: change my latest answer while it is still open (until the next check-in of its schedule).</summary>
public sealed class EditCheckin : ICommandHandler
{
    public CommandSpec Spec { get; } = new("checkin edit", Access.Anyone, [new("template", ParamKind.Text, Required: false)]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var name = command.Text("template")?.ToLowerInvariant();
        foreach (var occurrence in (await context.Store.ListAnswerableCheckinOccurrencesAsync(context.Member.Id, context.Now, cancellationToken)).Reverse())
        {
            if (occurrence.State != OccurrenceState.Answered || await context.Store.GetCheckinScheduleAsync(occurrence.ScheduleId, cancellationToken) is not { } schedule)
                continue;
            if (name is not null && (await context.Store.GetCheckinTemplateAsync(schedule.TemplateId, cancellationToken))?.Name != name)
                continue;
            var (target, problem) = await CheckinTarget.ForKeyAsync(context, new OccurrenceKey(schedule.Number, occurrence.LocalDate), stage: false, cancellationToken);
            return target is null ? Replies.Error(problem!) : await CheckinAnswering.FormAsync(context, target, cancellationToken);
        }
        return Replies.Error(t["checkin.nothing_to_edit"]);
    }
}

/// <summary>
/// A reply in the member's DM that is not a command answers their open check-in when its template is a single text
/// question (the dispatcher asks this before it calls the text an unknown command).
/// </summary>
public sealed class FreeTextAnswer : IFreeTextHandler
{
    public async Task<BotReply?> TryHandleAsync(CommandContext context, string text, CancellationToken cancellationToken)
    {
        foreach (var occurrence in await context.Store.ListAnswerableCheckinOccurrencesAsync(context.Member.Id, context.Now, cancellationToken))
        {
            if (occurrence.State == OccurrenceState.Answered || occurrence.PromptAt > context.Now
                || await context.Store.GetCheckinScheduleAsync(occurrence.ScheduleId, cancellationToken) is not { } schedule)
                continue;
            var (target, _) = await CheckinTarget.ForKeyAsync(context, new OccurrenceKey(schedule.Number, occurrence.LocalDate), stage: true, cancellationToken);
            if (target is null || !Templates.TakesFreeText(target.Template.Questions))
                continue;
            return await CheckinAnswering.RecordAsync(context, target, new Dictionary<string, string> { ["q1"] = text }, cancellationToken);
        }
        return null;
    }
}

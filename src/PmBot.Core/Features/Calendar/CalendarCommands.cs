using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Checkins;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Calendar;

/// <summary>Workspace settings belong to its PMs: whoever is PM of at least one project.</summary>
public static class WorkspacePm
{
    public static async Task<bool> IsPmAsync(CommandContext context, CancellationToken cancellationToken) =>
        (await context.Store.ListMembershipsOfMemberAsync(context.Member.Id, cancellationToken)).Any(m => m.Role == ProjectRole.Pm);

    public static BotReply Refusal(CommandContext context) => Replies.Error(context.T["calendar.pm_only"]);
}

/// <summary><c>calendar show</c>: working days, the coming holidays and who is away.</summary>
public sealed class ShowCalendar : ICommandHandler
{
    public CommandSpec Spec { get; } = new("calendar show", Access.Anyone, []);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var today = context.Today;
        var holidays = await context.Store.ListHolidaysAsync(context.Workspace.Id, today, cancellationToken);
        var absences = await context.Store.ListAbsencesAsync(context.Workspace.Id, today, cancellationToken);
        var members = (await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken)).ToDictionary(m => m.Id);
        var builder = new MessageBuilder()
            .Heading(t["calendar.title"])
            .Fields(new Field(t["calendar.workdays"], DayNames(t, context.Workspace.WorkingDays)));
        builder.Text("*" + t["calendar.holidays"] + "*");
        if (holidays.Count == 0)
            builder.Context(t["calendar.no_holidays"]);
        else
            builder.Table([t["calendar.date"], t["calendar.name"]], [.. holidays.Select(h => (IReadOnlyList<string>)[t.Date(h.Date), h.Name ?? ""])]);
        builder.Text("*" + t["calendar.away"] + "*");
        if (absences.Count == 0)
            builder.Context(t["calendar.nobody_away"]);
        else
            builder.Table([t["calendar.who"], t["calendar.from"], t["calendar.to"], t["calendar.reason"]],
                [.. absences.Select(a => (IReadOnlyList<string>)[members.TryGetValue(a.MemberId, out var m) ? m.DisplayName : "", t.Date(a.From), t.Date(a.To), a.Reason ?? ""])]);
        return BotReply.Of(builder.Fallback(t["calendar.title"]).Build());
    }

    public static string DayNames(Localization.Localizer t, Weekdays days) =>
        string.Join(", ", days.Days().Select(d => t["weekday." + d.ToString().ToLowerInvariant()]));
}

/// <summary><c>calendar holiday add DATE ["name"]</c> (PMs): nobody is asked to check in, and no work is planned, that day.</summary>
public sealed class AddHoliday : ICommandHandler
{
    public CommandSpec Spec { get; } = new("calendar holiday add", Access.Anyone,
        [new("date", ParamKind.Date), new("name", ParamKind.Text, Required: false)]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (!await WorkspacePm.IsPmAsync(context, cancellationToken))
            return WorkspacePm.Refusal(context);
        var date = command.Date("date")!.Value;
        var name = command.Text("name")?.Trim();
        if (name is { Length: > Holiday.MaxNameLength })
            return Replies.Error(t["parse.too_long", t["param.name"], Holiday.MaxNameLength]);
        if (await context.Store.FindHolidayAsync(context.Workspace.Id, date, cancellationToken) is { } existing)
            return Replies.Error(t["calendar.holiday_exists", t.Date(date), existing.Name ?? ""]);
        context.Store.Add(new Holiday { WorkspaceId = context.Workspace.Id, Date = date, Name = name, CreatedAt = context.Now });
        var skipped = await CalendarEffects.MarkAwayAsync(context.Store, context.Workspace.Id, null, date, date, AwayReason.Holiday, context.Now, cancellationToken);
        return BotReply.Of(OutboundMessage.Text("🏖️ " + t["calendar.holiday_added", t.Date(date), name ?? ""] + (skipped > 0 ? " " + t["calendar.prompts_cancelled", skipped] : "")),
            ReplyVisibility.Conversation);
    }
}

/// <summary><c>calendar holiday remove DATE</c> (PMs).</summary>
public sealed class RemoveHoliday : ICommandHandler
{
    public CommandSpec Spec { get; } = new("calendar holiday remove", Access.Anyone, [new("date", ParamKind.Date)]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (!await WorkspacePm.IsPmAsync(context, cancellationToken))
            return WorkspacePm.Refusal(context);
        var date = command.Date("date")!.Value;
        if (await context.Store.FindHolidayAsync(context.Workspace.Id, date, cancellationToken) is not { } holiday)
            return Replies.Error(t["calendar.no_such_holiday", t.Date(date)]);
        context.Store.Remove(holiday);
        await CalendarEffects.ForgetAwayAsync(context.Store, context.Workspace.Id, null, date, date, AwayReason.Holiday, context.Now, cancellationToken);
        return BotReply.Of(OutboundMessage.Text("✅ " + t["calendar.holiday_removed", t.Date(date)]), ReplyVisibility.Conversation);
    }
}

/// <summary><c>calendar workdays mon,tue,wed,thu,fri</c> (PMs): the workspace's working weekdays.</summary>
public sealed class SetWorkdays : ICommandHandler
{
    public CommandSpec Spec { get; } = new("calendar workdays", Access.Anyone, [new("weekdays", ParamKind.Text)]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (!await WorkspacePm.IsPmAsync(context, cancellationToken))
            return WorkspacePm.Refusal(context);
        if (!WeekdaySet.TryParse(command.Text("weekdays"), out var days))
            return Replies.Error(t["calendar.bad_days", command.Text("weekdays")!]);
        context.Workspace.WorkingDays = days;
        return BotReply.Of(OutboundMessage.Text("✅ " + t["calendar.workdays_set", ShowCalendar.DayNames(t, days)]), ReplyVisibility.Conversation);
    }
}

/// <summary>What a new holiday or absence does to check-ins already planned: they become away and their prompts are cancelled.</summary>
public static class CalendarEffects
{
    /// <summary>Marks planned (not yet prompted) occurrences in [<paramref name="from"/>, <paramref name="to"/>] away; returns how many.</summary>
    /// <param name="store">The unit of work.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="memberId">One member's, or everyone's when null.</param>
    /// <param name="from">First local date.</param>
    /// <param name="to">Last local date.</param>
    /// <param name="reason">Why they are away.</param>
    /// <param name="now">Now.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static async Task<int> MarkAwayAsync(IPmStore store, Guid workspaceId, Guid? memberId, DateOnly from, DateOnly to, AwayReason reason, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var planned = new List<CheckinOccurrence>();
        foreach (var schedule in await store.ListCheckinSchedulesAsync(workspaceId, null, cancellationToken))
        {
            planned.AddRange((await store.ListCheckinOccurrencesAsync(schedule.Id, from, to, cancellationToken))
                .Where(o => (memberId is null || o.MemberId == memberId) && o.State == OccurrenceState.Scheduled && o.PromptAt > now));
        }
        foreach (var occurrence in planned)
        {
            occurrence.State = OccurrenceState.Away;
            occurrence.AwayReason = reason;
        }
        var keys = planned.SelectMany(o => new[] { o.PromptKey, o.ReminderKey }).ToList();
        foreach (var row in await store.ListCancellableOutboxAsync(keys, now, cancellationToken))
            store.Remove(row);
        return planned.Count;
    }

    /// <summary>
    /// Forgets away occurrences still to come in the range (the holiday was removed, the member is back), so that the
    /// schedule's next run plans them again.
    /// </summary>
    public static async Task ForgetAwayAsync(IPmStore store, Guid workspaceId, Guid? memberId, DateOnly from, DateOnly to, AwayReason reason, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        foreach (var schedule in await store.ListCheckinSchedulesAsync(workspaceId, null, cancellationToken))
        {
            foreach (var occurrence in await store.ListCheckinOccurrencesAsync(schedule.Id, from, to, cancellationToken))
            {
                if ((memberId is null || occurrence.MemberId == memberId) && occurrence is { State: OccurrenceState.Away } && occurrence.AwayReason == reason && occurrence.PromptAt > now)
                    store.Remove(occurrence);
            }
        }
    }
}

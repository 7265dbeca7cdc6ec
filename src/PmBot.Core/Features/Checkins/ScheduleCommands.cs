using System.Globalization;
using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Calendar;
using PmBot.Core.Features.Members;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Checkins;

/// <summary>
/// <c>checkin schedule add TEMPLATE at HH:MM [days mon-fri] [window 4h] [reminder 80%] [members @a @b | role member|stakeholder|everyone]
/// [project KEY] [summary thread|digest-only]</c> (PMs): asks the template at that local time in each member's own time zone,
/// by default on working days (weekly, pulse and retro: on Fridays).
/// </summary>
public sealed class AddSchedule : ICommandHandler
{
    public const int MinWindowMinutes = 15;
    public const int MaxWindowMinutes = 24 * 60;

    public CommandSpec Spec { get; } = new("checkin schedule add", Access.ProjectPm,
    [
        new("template", ParamKind.Text),
        new("time", ParamKind.Text, Keyword: "at"),
        new("weekdays", ParamKind.Text, Required: false, Keyword: "days"),
        new("window", ParamKind.Text, Required: false, Keyword: "window"),
        new("reminder", ParamKind.Percent, Required: false, Keyword: "reminder"),
        new("members", ParamKind.Mentions, Required: false, Keyword: "members"),
        new("audience", ParamKind.Choice, Required: false, Keyword: "role", Choices: ["member", "stakeholder", "everyone"]),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
        new("summary", ParamKind.Choice, Required: false, Keyword: "summary", Choices: ["thread", "digest-only"]),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        if (!TryParseTime(command.Text("time")!, out var time))
            return Replies.Error(t["checkin.bad_time", command.Text("time")!]);
        var days = Weekdays.None;
        if (command.Text("weekdays") is { } daysText && !WeekdaySet.TryParse(daysText, out days))
            return Replies.Error(t["calendar.bad_days", daysText]);
        var window = CheckinSchedule.DefaultWindowMinutes;
        if (command.Text("window") is { } windowText && (!TryParseDuration(windowText, out window) || window is < MinWindowMinutes or > MaxWindowMinutes))
            return Replies.Error(t["checkin.bad_window", windowText]);
        var reminder = command.Integer("reminder") ?? CheckinSchedule.DefaultReminderPercent;
        if (reminder >= 100)
            return Replies.Error(t["checkin.bad_reminder"]);
        var mentions = command.Mentions("members");
        if (mentions.Count > 0 && command.Has("audience"))
            return Replies.Error(t["checkin.members_or_role"]);
        var templateName = command.Text("template")!;
        if (await Templates.FindAsync(context.Store, context.Workspace.Id, templateName, context.Now, cancellationToken) is not { } template)
            return Replies.Error(t["checkin.template_not_found", templateName]);
        if (template.Questions.Count == 0)
            return Replies.Error(t["checkin.template_empty", template.Template.Name]);
        if (days == Weekdays.None)
            days = BuiltInTemplates.DefaultDays(template.Template.BuiltIn);

        var named = new List<Member>();
        foreach (var mention in mentions)
        {
            var found = await MemberLookup.FindAsync(context, mention, cancellationToken);
            if (found.Member is not { } member)
                return Replies.Error(found.Error!);
            if (await context.Store.FindMembershipAsync(project.Id, member.Id, cancellationToken) is null)
                return Replies.Error(t["checkin.not_a_member", member.DisplayName, project.Key]);
            if (!named.Contains(member))
                named.Add(member);
        }
        var audience = named.Count > 0 ? AudienceRole.Named
            : command.Text("audience") switch
            {
                "member" => AudienceRole.Team,
                "stakeholder" => AudienceRole.Stakeholders,
                "everyone" => AudienceRole.Everyone,
                _ => BuiltInTemplates.DefaultAudience(template.Template.BuiltIn),
            };
        var schedule = new CheckinSchedule
        {
            WorkspaceId = context.Workspace.Id,
            ProjectId = project.Id,
            TemplateId = template.Template.Id,
            Number = await context.Store.MaxCheckinScheduleNumberAsync(context.Workspace.Id, cancellationToken) + 1,
            Days = days,
            LocalTime = time,
            TimeZone = context.Member.TimeZone,
            WindowMinutes = window,
            ReminderPercent = reminder,
            Audience = audience,
            Summary = command.Text("summary") == "digest-only" ? SummaryMode.DigestOnly : SummaryMode.Thread,
            SummaryConversationId = context.Activity.ConversationId,
            CreatedByMemberId = context.Member.Id,
            CreatedAt = context.Now,
        };
        context.Store.Add(schedule);
        foreach (var member in named)
            context.Store.Add(new CheckinScheduleMember { ScheduleId = schedule.Id, MemberId = member.Id });

        var who = named.Count > 0 ? string.Join(", ", named.Select(m => m.DisplayName)) : t["checkin.audience." + audience.ToString().ToLowerInvariant()];
        return BotReply.Of(new MessageBuilder()
            .Text("✅ " + t["checkin.schedule.added", schedule.Number, Templates.Title(t, template.Template), project.Key])
            .Fields(ScheduleFields(t, schedule, who))
            .Context(t["checkin.schedule.added_hint", schedule.Number])
            .Actions(new ActionButton(t["checkin.button.schedules"], $"checkin schedule list project {project.Key}"),
                new ActionButton(t["checkin.button.pause"], $"checkin schedule pause {schedule.Number}"))
            .Build(), ReplyVisibility.Conversation);
    }

    public static Field[] ScheduleFields(Localizer t, CheckinSchedule schedule, string who) =>
    [
        new(t["checkin.field.when"], t["checkin.when", ShowCalendar.DayNames(t, schedule.Days), schedule.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture)]),
        new(t["checkin.field.window"], FormatDuration(schedule.WindowMinutes)),
        new(t["checkin.field.reminder"], schedule.ReminderPercent == 0 ? t["common.none"] : $"{schedule.ReminderPercent}%"),
        new(t["checkin.field.audience"], who),
        new(t["checkin.field.summary"], t["choice." + (schedule.Summary == SummaryMode.Thread ? "thread" : "digest-only")]),
    ];

    /// <summary>"09:30", "9:30", "17:05".</summary>
    public static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>"4h", "90m", "1h30m" as minutes.</summary>
    public static bool TryParseDuration(string text, out int minutes)
    {
        minutes = 0;
        var rest = text.Trim().ToLowerInvariant();
        var h = rest.IndexOf('h', StringComparison.Ordinal);
        if (h > 0)
        {
            if (!int.TryParse(rest.AsSpan(0, h), NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours > 48)
                return false;
            minutes = hours * 60;
            rest = rest[(h + 1)..];
        }
        if (rest.Length == 0)
            return h > 0;
        if (!rest.EndsWith('m') || !int.TryParse(rest.AsSpan(0, rest.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var mins) || mins > 48 * 60)
            return false;
        minutes += mins;
        return true;
    }

    public static string FormatDuration(int minutes) =>
        minutes % 60 == 0 ? $"{minutes / 60}h" : minutes < 60 ? $"{minutes}m" : $"{minutes / 60}h{minutes % 60}m";
}

/// <summary><c>checkin schedule list [project KEY]</c>: the project's check-in schedules.</summary>
public sealed class ListSchedules : ICommandHandler
{
    public CommandSpec Spec { get; } = new("checkin schedule list", Access.ProjectStakeholder,
        [new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var schedules = (await context.Store.ListCheckinSchedulesAsync(context.Workspace.Id, project.Id, cancellationToken)).Where(s => s.RemovedAt is null).ToList();
        if (schedules.Count == 0)
            return BotReply.Of(new MessageBuilder().Text(t["checkin.schedule.none", project.Key]).Context(t["checkin.schedule.add_hint"]).Build());
        var members = (await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken)).ToDictionary(m => m.Id);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var s in schedules)
        {
            var template = await context.Store.GetCheckinTemplateAsync(s.TemplateId, cancellationToken);
            rows.Add(
            [
                "#" + s.Number.ToString(t.Culture),
                template is null ? "" : Templates.Title(t, template),
                t["checkin.when", ShowCalendar.DayNames(t, s.Days), s.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture)],
                AddSchedule.FormatDuration(s.WindowMinutes),
                s.ReminderPercent == 0 ? t["common.none"] : $"{s.ReminderPercent}%",
                await WhoAsync(context.Store, t, s, members, cancellationToken),
                t["choice." + (s.Summary == SummaryMode.Thread ? "thread" : "digest-only")],
                t[s.Paused ? "checkin.paused" : "checkin.active"],
            ]);
        }
        return BotReply.Of(new MessageBuilder()
            .Heading(t["checkin.schedule.list_title", project.Key])
            .Table(["#", t["checkin.field.template"], t["checkin.field.when"], t["checkin.field.window"], t["checkin.field.reminder"], t["checkin.field.audience"],
                t["checkin.field.summary"], t["checkin.field.status"]], rows)
            .Context(t["checkin.schedule.times_hint"])
            .Build());
    }

    private static async Task<string> WhoAsync(IPmStore store, Localizer t, CheckinSchedule s, Dictionary<Guid, Member> members, CancellationToken cancellationToken) =>
        s.Audience != AudienceRole.Named
            ? t["checkin.audience." + s.Audience.ToString().ToLowerInvariant()]
            : string.Join(", ", (await store.ListCheckinScheduleMembersAsync(s.Id, cancellationToken)).Select(m => members.TryGetValue(m.MemberId, out var x) ? x.DisplayName : ""));
}

/// <summary><c>checkin schedule pause|resume|remove ID</c> (PMs of its project).</summary>
public sealed class ChangeSchedule : ICommandHandler
{
    private readonly string _verb;

    private ChangeSchedule(string verb)
    {
        _verb = verb;
        Spec = new CommandSpec("checkin schedule " + verb, Access.Anyone, [new("number", ParamKind.Integer)]);
    }

    public static ChangeSchedule Pause() => new("pause");

    public static ChangeSchedule Resume() => new("resume");

    public static ChangeSchedule Remove() => new("remove");

    public CommandSpec Spec { get; }

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var number = command.Integer("number")!.Value;
        var schedule = await context.Store.FindCheckinScheduleAsync(context.Workspace.Id, number, cancellationToken);
        if (schedule is null || schedule.RemovedAt is not null)
            return Replies.Error(t["checkin.schedule.not_found", number]);
        var project = await context.Store.GetProjectAsync(schedule.ProjectId, cancellationToken);
        var role = (await context.Store.FindMembershipAsync(schedule.ProjectId, context.Member.Id, cancellationToken))?.Role;
        if (role != ProjectRole.Pm)
            return Replies.Error(t["error.role_required", t.Role(ProjectRole.Pm), project?.Key ?? "", role is null ? t["role.none"] : t.Role(role.Value)]);
        switch (_verb)
        {
            case "pause" when schedule.Paused:
                return Replies.Error(t["checkin.schedule.already_paused", number]);
            case "resume" when !schedule.Paused:
                return Replies.Error(t["checkin.schedule.not_paused", number]);
            case "pause":
                schedule.Paused = true;
                await ForgetPlannedAsync(context.Store, schedule, context.Now, cancellationToken);
                break;
            case "resume":
                schedule.Paused = false;
                break;
            default:
                schedule.RemovedAt = context.Now;
                await ForgetPlannedAsync(context.Store, schedule, context.Now, cancellationToken);
                break;
        }
        return BotReply.Of(OutboundMessage.Text("✅ " + t["checkin.schedule." + _verb + "d", number, project?.Key ?? ""]), ReplyVisibility.Conversation);
    }

    /// <summary>Drops occurrences planned but not yet prompted, with their outbox rows; a resumed schedule plans them again.</summary>
    private static async Task ForgetPlannedAsync(IPmStore store, CheckinSchedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var planned = (await store.ListCheckinOccurrencesAsync(schedule.Id, today.AddDays(-1), today.AddDays(2), cancellationToken))
            .Where(o => o.State is OccurrenceState.Scheduled or OccurrenceState.Away && o.PromptAt > now).ToList();
        foreach (var row in await store.ListCancellableOutboxAsync([.. planned.SelectMany(o => new[] { o.PromptKey, o.ReminderKey })], now, cancellationToken))
            store.Remove(row);
        foreach (var occurrence in planned)
            store.Remove(occurrence);
    }
}

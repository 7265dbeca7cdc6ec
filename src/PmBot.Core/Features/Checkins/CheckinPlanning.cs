using PmBot.Core.Domain;
using PmBot.Core.Features.Calendar;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;
using PmBot.Core.Planning;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Checkins;

/// <summary>What one planning run did.</summary>
public sealed record PlanningResult(int Prompts, int Reminders, int Away, int Missed, int SummaryPosts)
{
    public static PlanningResult None { get; } = new(0, 0, 0, 0, 0);
}

/// <summary>
/// The work of a schedule's recurring job (<c>checkin:{id}</c>, hourly): plans every audience member's occurrences whose
/// prompt falls within the next <see cref="Horizon"/> (or fell within the last window and was never planned, e.g. while
/// the service was down), each in the member's own time zone, and stages for each an occurrence row plus its prompt and
/// reminder as outbox rows due at their exact moments; days away become away occurrences. Occurrences already stored are
/// left alone, so a run repeated (or run by two instances at once) plans nothing twice: the occurrence's unique key and
/// the outbox keys reject a second write. Also writes states the clock has reached (sent, missed).
/// </summary>
public static class CheckinPlanning
{
    /// <summary>How far ahead a run plans; runs are hourly, so every prompt is planned by two runs before it is due.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(2);

    public static async Task<PlanningResult> RunAsync(IPmStore store, Guid scheduleId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schedule = await store.GetCheckinScheduleAsync(scheduleId, cancellationToken);
        if (schedule is null)
            return PlanningResult.None;
        var missed = await MarkElapsedAsync(store, schedule, now, cancellationToken);
        var workspace = await store.GetWorkspaceAsync(schedule.WorkspaceId, cancellationToken);
        var project = await store.GetProjectAsync(schedule.ProjectId, cancellationToken);
        var template = await Templates.GetAsync(store, schedule.TemplateId, cancellationToken);
        if (!schedule.IsActive || workspace is not { IsActive: true } || project is null || template is null)
            return PlanningResult.None with { Missed = missed };

        var window = TimeSpan.FromMinutes(schedule.WindowMinutes);
        var from = now - window > schedule.CreatedAt ? now - window : schedule.CreatedAt;
        var to = now + Horizon;
        var firstDate = DateOnly.FromDateTime(from.UtcDateTime).AddDays(-2);
        var lastDate = DateOnly.FromDateTime(to.UtcDateTime).AddDays(2);
        var calendar = await WorkspaceCalendar.BuildAsync(store, workspace, firstDate, cancellationToken);
        var existing = (await store.ListCheckinOccurrencesAsync(schedule.Id, firstDate, lastDate, cancellationToken))
            .Select(o => (o.MemberId, o.LocalDate)).ToHashSet();
        var summaries = new Dictionary<DateOnly, bool>();
        int prompts = 0, reminders = 0, away = 0;
        foreach (var member in await Audience.MembersAsync(store, schedule, cancellationToken))
        {
            var zone = Dispatching.MemberClock.Zone(member);
            foreach (var planned in OccurrencePlanner.Plan(schedule, zone, calendar, WorkspaceCalendar.MemberKey(member.Id), from, to))
            {
                if (!existing.Add((member.Id, planned.LocalDate)))
                    continue;
                var occurrence = Stage(store, schedule, member, planned, now);
                if (occurrence.State == OccurrenceState.Away)
                {
                    away++;
                    continue;
                }
                EnqueuePromptAndReminder(store, workspace, schedule, template, project, member, occurrence, now);
                prompts++;
                reminders += occurrence.ReminderAt is null ? 0 : 1;
                summaries[planned.LocalDate] = true;
            }
        }
        var posts = 0;
        if (schedule.Summary == SummaryMode.Thread)
        {
            foreach (var date in summaries.Keys.Order())
                posts += await EnsureSummaryPostAsync(store, workspace, schedule, template.Template, project, date, now, cancellationToken) ? 1 : 0;
        }
        return new PlanningResult(prompts, reminders, away, missed, posts);
    }

    /// <summary>Stages an occurrence row for a planned occurrence (away, or scheduled).</summary>
    public static CheckinOccurrence Stage(IPmStore store, CheckinSchedule schedule, Member member, PlannedOccurrence planned, DateTimeOffset now)
    {
        var occurrence = Create(schedule, member, planned, now);
        store.Add(occurrence);
        return occurrence;
    }

    public static CheckinOccurrence Create(CheckinSchedule schedule, Member member, PlannedOccurrence planned, DateTimeOffset now) =>
        new()
        {
            ScheduleId = schedule.Id,
            ProjectId = schedule.ProjectId,
            MemberId = member.Id,
            LocalDate = planned.LocalDate,
            PromptAt = planned.PromptAt,
            ReminderAt = planned.ReminderAt,
            WindowEndsAt = planned.WindowEndsAt,
            AnswerableUntil = planned.AnswerableUntil,
            State = planned.Away is null ? OccurrenceState.Scheduled : OccurrenceState.Away,
            AwayReason = planned.Away,
            CreatedAt = now,
        };

    /// <summary>Stages the prompt (due at its moment, or now if that has passed) and the reminder of an occurrence.</summary>
    public static void EnqueuePromptAndReminder(IPmStore store, Workspace workspace, CheckinSchedule schedule, Templates.Loaded template, Project project,
        Member member, CheckinOccurrence occurrence, DateTimeOffset now)
    {
        var t = Localizer.For(member.Locale);
        var key = new OccurrenceKey(schedule.Number, occurrence.LocalDate);
        var prompt = CheckinMessages.Prompt(t, template.Template, template.Questions, project, key, occurrence.WindowEndsAt, member.TimeZone);
        store.Enqueue(ToMember(workspace, member, occurrence.PromptKey, prompt, occurrence.PromptAt > now ? occurrence.PromptAt : now, now));
        if (occurrence.ReminderAt is { } reminderAt && reminderAt > now)
        {
            var reminder = CheckinMessages.Reminder(t, template.Template, project, key, occurrence.WindowEndsAt, member.TimeZone);
            store.Enqueue(ToMember(workspace, member, occurrence.ReminderKey, reminder, reminderAt, now));
        }
    }

    /// <summary>Stages the day's summary post unless it exists; true when staged.</summary>
    public static async Task<bool> EnsureSummaryPostAsync(IPmStore store, Workspace workspace, CheckinSchedule schedule, CheckinTemplate template, Project project,
        DateOnly date, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.FindCheckinSummaryPostAsync(schedule.Id, date, cancellationToken) is not null)
            return false;
        var post = new CheckinSummaryPost { ScheduleId = schedule.Id, LocalDate = date, CreatedAt = now };
        store.Add(post);
        var t = Localizer.For((await store.GetMemberAsync(schedule.CreatedByMemberId, cancellationToken))?.Locale ?? workspace.DefaultLocale);
        store.Enqueue(new OutboxMessage
        {
            Channel = workspace.Channel,
            WorkspaceId = workspace.Id,
            ConversationId = schedule.SummaryConversationId,
            IdempotencyKey = post.PostKey,
            Payload = CheckinMessages.SummaryPost(t, template, project, date).ToJson(),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        return true;
    }

    /// <summary>A message to a member's own 1:1 conversation, due at <paramref name="due"/>.</summary>
    public static OutboxMessage ToMember(Workspace workspace, Member member, string key, OutboundMessage message, DateTimeOffset due, DateTimeOffset now) => new()
    {
        Channel = workspace.Channel,
        WorkspaceId = workspace.Id,
        ConversationId = member.DirectConversationId ?? OutboxMessage.UserTargetPrefix + member.ExternalUserId,
        IdempotencyKey = key,
        Payload = message.ToJson(),
        CreatedAt = now,
        NextAttemptAt = due,
    };

    /// <summary>Writes the states the clock has reached: due prompts as sent, closed unanswered windows as missed.</summary>
    private static async Task<int> MarkElapsedAsync(IPmStore store, CheckinSchedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var missed = 0;
        foreach (var occurrence in await store.ListOverdueCheckinOccurrencesAsync(schedule.Id, now, cancellationToken))
        {
            occurrence.State = OccurrenceState.Missed;
            missed++;
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var occurrence in await store.ListCheckinOccurrencesAsync(schedule.Id, today.AddDays(-2), today.AddDays(2), cancellationToken))
        {
            if (occurrence.State == OccurrenceState.Scheduled && occurrence.PromptAt <= now)
                occurrence.State = OccurrenceState.Sent;
        }
        return missed;
    }
}

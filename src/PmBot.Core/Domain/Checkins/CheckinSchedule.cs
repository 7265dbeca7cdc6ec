namespace PmBot.Core.Domain;

/// <summary>Whom a schedule asks when it names nobody. Stored as text.</summary>
public enum AudienceRole
{
    /// <summary>Members and PMs of the project.</summary>
    Team,

    /// <summary>Stakeholders of the project.</summary>
    Stakeholders,

    /// <summary>Everyone in the project.</summary>
    Everyone,

    /// <summary>Only the members listed in <see cref="CheckinScheduleMember"/>.</summary>
    Named,
}

/// <summary>Where answers are summarized. Stored as text.</summary>
public enum SummaryMode
{
    /// <summary>One post per day and schedule in <see cref="CheckinSchedule.SummaryConversationId"/>, answers in its thread.</summary>
    Thread,

    /// <summary>Nothing in the channel; answers appear only in the PM's digest.</summary>
    DigestOnly,
}

/// <summary>
/// When a template is asked in a project (<c>checkin schedule add</c>): on <see cref="Days"/> at <see cref="LocalTime"/>
/// in each member's own time zone, answerable for <see cref="WindowMinutes"/>, with a reminder at
/// <see cref="ReminderPercent"/> of the window. One Hangfire recurring job per schedule, id <c>checkin:{Id}</c>, runs in
/// <see cref="TimeZone"/> and plans the occurrences.
/// </summary>
public sealed class CheckinSchedule
{
    public const int DefaultWindowMinutes = 4 * 60;
    public const int DefaultReminderPercent = 80;

    public Guid Id { get; init; } = NewId.Next();
    public required Guid WorkspaceId { get; init; }
    public required Guid ProjectId { get; init; }
    public required Guid TemplateId { get; init; }

    /// <summary>1, 2, 3 … per workspace: the ID in <c>checkin schedule pause 2</c>.</summary>
    public required int Number { get; init; }

    public required Weekdays Days { get; set; }

    /// <summary>The local time of the prompt, in each member's own time zone.</summary>
    public required TimeOnly LocalTime { get; set; }

    /// <summary>The IANA zone of the schedule itself (its creator's): the zone of its recurring job.</summary>
    public required string TimeZone { get; init; }

    public int WindowMinutes { get; set; } = DefaultWindowMinutes;

    /// <summary>When in the window the reminder goes (1-99 %); 0 means no reminder.</summary>
    public int ReminderPercent { get; set; } = DefaultReminderPercent;

    public AudienceRole Audience { get; set; } = AudienceRole.Team;
    public SummaryMode Summary { get; set; } = SummaryMode.Thread;

    /// <summary>Where the day's summary thread goes: the conversation the schedule was created in.</summary>
    public required string SummaryConversationId { get; init; }

    public bool Paused { get; set; }

    /// <summary>Set by <c>checkin schedule remove</c>: no more prompts; its occurrences and answers stay for reports.</summary>
    public DateTimeOffset? RemovedAt { get; set; }

    /// <summary>True while it prompts: neither paused nor removed.</summary>
    public bool IsActive => !Paused && RemovedAt is null;
    public required Guid CreatedByMemberId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The deterministic id of the schedule's recurring job.</summary>
    public string JobId => JobIdPrefix + Id.ToString("N");

    public const string JobIdPrefix = "checkin:";
}

/// <summary>A member a schedule names (<c>members @a @b</c>).</summary>
public sealed class CheckinScheduleMember
{
    public required Guid ScheduleId { get; init; }
    public required Guid MemberId { get; init; }
}

namespace PmBot.Core.Domain;

/// <summary>Where one member's check-in of one day stands. Stored as text.</summary>
public enum OccurrenceState
{
    /// <summary>Planned; the prompt is due at <see cref="CheckinOccurrence.PromptAt"/>.</summary>
    Scheduled,

    /// <summary>The prompt went out (its due moment passed); the window is open.</summary>
    Sent,

    Answered,

    /// <summary>The window ended without an answer (a late answer still turns it into <see cref="Answered"/>).</summary>
    Missed,

    /// <summary>Not asked: the member was away, or the day was a holiday or not a working day.</summary>
    Away,
}

/// <summary>Why an occurrence was skipped. Stored as text.</summary>
public enum AwayReason
{
    Absence,
    Holiday,
    NonWorkingDay,
}

/// <summary>
/// One member's check-in for one schedule on one of their own local dates: unique on (schedule, member, date), which
/// is also the idempotency key of its prompt and reminder in the outbox, so planning it twice (a job run twice, or two
/// instances) sends each once.
/// </summary>
public sealed class CheckinOccurrence
{
    public Guid Id { get; init; } = NewId.Next();
    public required Guid ScheduleId { get; init; }
    public required Guid ProjectId { get; init; }
    public required Guid MemberId { get; init; }

    /// <summary>The member's local date the check-in is for.</summary>
    public required DateOnly LocalDate { get; init; }

    /// <summary>The prompt's due moment: the schedule's local time on <see cref="LocalDate"/> in the member's zone.</summary>
    public required DateTimeOffset PromptAt { get; init; }

    /// <summary>The reminder's due moment; null without a reminder.</summary>
    public DateTimeOffset? ReminderAt { get; init; }

    public required DateTimeOffset WindowEndsAt { get; init; }

    /// <summary>Answers after the window count as late until here (the member's next occurrence of this schedule).</summary>
    public required DateTimeOffset AnswerableUntil { get; init; }

    /// <summary>The state as last written; read it through <see cref="StateAt"/>, which applies the clock.</summary>
    public OccurrenceState State { get; set; } = OccurrenceState.Scheduled;

    public AwayReason? AwayReason { get; set; }

    /// <summary>First answered (kept when the answer is edited).</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Last edited, if the answer was changed after it was first given.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>True when the first answer came after the window closed.</summary>
    public bool Late { get; set; }

    /// <summary>Increases with each edit; part of the idempotency key of the answer's summary post.</summary>
    public int Revision { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The state at <paramref name="now"/>: a due prompt counts as sent, an unanswered closed window as missed.</summary>
    public OccurrenceState StateAt(DateTimeOffset now) => State switch
    {
        OccurrenceState.Scheduled or OccurrenceState.Sent when now >= WindowEndsAt => OccurrenceState.Missed,
        OccurrenceState.Scheduled when now >= PromptAt => OccurrenceState.Sent,
        _ => State,
    };

    /// <summary>Whether an answer may still be given or changed at <paramref name="now"/>.</summary>
    public bool IsAnswerable(DateTimeOffset now) => State != OccurrenceState.Away && now < AnswerableUntil;

    /// <summary>Records an answer (first or edited) given at <paramref name="now"/>.</summary>
    public void MarkAnswered(DateTimeOffset now)
    {
        if (AnsweredAt is null)
        {
            AnsweredAt = now;
            Late = now >= WindowEndsAt;
        }
        else
        {
            EditedAt = now;
        }
        Revision++;
        State = OccurrenceState.Answered;
    }

    /// <summary>Outbox idempotency keys of this occurrence's messages: (schedule, member, occurrence date) and what.</summary>
    public string PromptKey => Key("prompt");

    public string ReminderKey => Key("reminder");

    /// <summary>The answer's post in the day's summary thread, per revision.</summary>
    public string SummaryKey => Key("answer:" + Revision.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private string Key(string what) => $"checkin:{ScheduleId:N}:{MemberId:N}:{LocalDate:yyyy-MM-dd}:{what}";
}

/// <summary>One answer to one question of an occurrence; replaced when the member edits it.</summary>
public sealed class CheckinAnswer
{
    public const int MaxTextLength = 3000;

    public required Guid OccurrenceId { get; init; }
    public required Guid QuestionId { get; init; }

    /// <summary>The answer as text (for a task progress question: "APOLLO-3 60%, APOLLO-5 100%").</summary>
    public required string Text { get; set; }

    /// <summary>Scale 1-5, yes = 1 / no = 0; null for text answers.</summary>
    public int? Number { get; set; }

    public required DateTimeOffset AnsweredAt { get; set; }
}

/// <summary>A task's progress changed through a check-in answer (from → to), for the digest and the history.</summary>
public sealed class CheckinProgressUpdate
{
    public Guid Id { get; init; } = NewId.Next();
    public required Guid OccurrenceId { get; init; }
    public required Guid ProjectId { get; init; }
    public required Guid WorkItemId { get; init; }
    public required Guid MemberId { get; init; }
    public required int FromPercent { get; init; }
    public required int ToPercent { get; init; }
    public required DateTimeOffset At { get; init; }
}

/// <summary>
/// The day's summary post of a schedule (thread mode): written once per (schedule, date) when the first occurrence
/// of that date is planned; answers are posted in its thread (<see cref="Outbox.OutboxMessage.ThreadKey"/> = <see cref="PostKey"/>).
/// </summary>
public sealed class CheckinSummaryPost
{
    public required Guid ScheduleId { get; init; }
    public required DateOnly LocalDate { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public string PostKey => $"checkin:{ScheduleId:N}:{LocalDate:yyyy-MM-dd}:summary";
}

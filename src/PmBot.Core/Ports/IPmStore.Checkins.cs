using PmBot.Core.Domain;
using PmBot.Core.Outbox;

namespace PmBot.Core.Ports;

/// <summary>Calendar and check-ins (see docs/architecture.md, "Check-ins").</summary>
public partial interface IPmStore
{
    Task<Workspace?> GetWorkspaceAsync(Guid workspaceId, CancellationToken cancellationToken);

    /// <summary>The workspace's holidays from <paramref name="from"/> on, by date.</summary>
    Task<IReadOnlyList<Holiday>> ListHolidaysAsync(Guid workspaceId, DateOnly from, CancellationToken cancellationToken);

    Task<Holiday?> FindHolidayAsync(Guid workspaceId, DateOnly date, CancellationToken cancellationToken);

    /// <summary>Absences of the workspace's members that end on or after <paramref name="from"/>, by start.</summary>
    Task<IReadOnlyList<Absence>> ListAbsencesAsync(Guid workspaceId, DateOnly from, CancellationToken cancellationToken);

    /// <summary>One member's absences that end on or after <paramref name="from"/>, by start.</summary>
    Task<IReadOnlyList<Absence>> ListAbsencesOfMemberAsync(Guid memberId, DateOnly from, CancellationToken cancellationToken);

    Task<IReadOnlyList<CheckinTemplate>> ListCheckinTemplatesAsync(Guid workspaceId, CancellationToken cancellationToken);
    Task<CheckinTemplate?> FindCheckinTemplateAsync(Guid workspaceId, string name, CancellationToken cancellationToken);
    Task<CheckinTemplate?> GetCheckinTemplateAsync(Guid templateId, CancellationToken cancellationToken);

    /// <summary>A template's questions by position.</summary>
    Task<IReadOnlyList<CheckinQuestion>> ListCheckinQuestionsAsync(Guid templateId, CancellationToken cancellationToken);

    /// <summary>Every schedule of every workspace (for the job registrar).</summary>
    Task<IReadOnlyList<CheckinSchedule>> ListAllCheckinSchedulesAsync(CancellationToken cancellationToken);

    /// <summary>The workspace's schedules by number; only the project's when <paramref name="projectId"/> is given.</summary>
    Task<IReadOnlyList<CheckinSchedule>> ListCheckinSchedulesAsync(Guid workspaceId, Guid? projectId, CancellationToken cancellationToken);

    Task<CheckinSchedule?> FindCheckinScheduleAsync(Guid workspaceId, int number, CancellationToken cancellationToken);
    Task<CheckinSchedule?> GetCheckinScheduleAsync(Guid scheduleId, CancellationToken cancellationToken);
    Task<IReadOnlyList<CheckinScheduleMember>> ListCheckinScheduleMembersAsync(Guid scheduleId, CancellationToken cancellationToken);

    /// <summary>The highest schedule number used in the workspace (0 when none).</summary>
    Task<int> MaxCheckinScheduleNumberAsync(Guid workspaceId, CancellationToken cancellationToken);

    Task<CheckinOccurrence?> GetCheckinOccurrenceAsync(Guid occurrenceId, CancellationToken cancellationToken);

    /// <summary>A schedule's occurrences with a local date in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    Task<IReadOnlyList<CheckinOccurrence>> ListCheckinOccurrencesAsync(Guid scheduleId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>
    /// A project's occurrences with a local date in [<paramref name="from"/>, <paramref name="to"/>] (digests, reports), not
    /// tracked: for reading only (a whole team over days or weeks); changes to them are not saved.
    /// </summary>
    Task<IReadOnlyList<CheckinOccurrence>> ListProjectCheckinOccurrencesAsync(Guid projectId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>A member's occurrences still answerable at <paramref name="now"/> (not away), earliest prompt first.</summary>
    Task<IReadOnlyList<CheckinOccurrence>> ListAnswerableCheckinOccurrencesAsync(Guid memberId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A member's latest answered occurrence, if any.</summary>
    Task<CheckinOccurrence?> FindLatestAnsweredCheckinOccurrenceAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>Occurrences still marked scheduled or sent whose window ended before <paramref name="now"/> (to be marked missed).</summary>
    Task<IReadOnlyList<CheckinOccurrence>> ListOverdueCheckinOccurrencesAsync(Guid scheduleId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<CheckinAnswer>> ListCheckinAnswersAsync(IReadOnlyCollection<Guid> occurrenceIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<CheckinProgressUpdate>> ListCheckinProgressUpdatesAsync(Guid projectId, DateTimeOffset since, CancellationToken cancellationToken);

    Task<CheckinSummaryPost?> FindCheckinSummaryPostAsync(Guid scheduleId, DateOnly localDate, CancellationToken cancellationToken);

    /// <summary>A project's blockers by number: the open ones, and also resolved ones when <paramref name="includeResolved"/>.</summary>
    Task<IReadOnlyList<Blocker>> ListBlockersAsync(Guid projectId, bool includeResolved, CancellationToken cancellationToken);

    Task<Blocker?> FindBlockerAsync(Guid projectId, int number, CancellationToken cancellationToken);

    /// <summary>The blocker a check-in occurrence's answer created, if any.</summary>
    Task<Blocker?> FindBlockerOfOccurrenceAsync(Guid occurrenceId, CancellationToken cancellationToken);

    Task<int> MaxBlockerNumberAsync(Guid projectId, CancellationToken cancellationToken);

    /// <summary>
    /// Outbox rows with these keys that are still pending and not claimed by a dispatcher, tracked: remove them to cancel
    /// (a reminder once answered, prompts of a paused schedule). A row already claimed is being sent and is not returned.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ListCancellableOutboxAsync(IReadOnlyCollection<string> idempotencyKeys, DateTimeOffset now, CancellationToken cancellationToken);
}

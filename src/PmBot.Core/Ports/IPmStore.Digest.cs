using PmBot.Core.Domain;

namespace PmBot.Core.Ports;

/// <summary>The PM's daily digest, the status summary and participation reports (see docs/architecture.md, "Digest").</summary>
public partial interface IPmStore
{
    Task<DigestSetting?> FindDigestSettingAsync(Guid projectId, Guid memberId, CancellationToken cancellationToken);

    /// <summary>Every PM of every project that is not closed, in an active workspace, with their digest setting (not tracked).</summary>
    Task<IReadOnlyList<DigestRecipient>> ListDigestRecipientsAsync(CancellationToken cancellationToken);

    /// <summary>True when an outbox row with this idempotency key exists (pending, sent or dead).</summary>
    Task<bool> OutboxMessageExistsAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The questions of several templates, by template and position.</summary>
    Task<IReadOnlyList<CheckinQuestion>> ListCheckinQuestionsOfTemplatesAsync(IReadOnlyCollection<Guid> templateIds, CancellationToken cancellationToken);

    /// <summary>Answered occurrences of these schedules with a local date in [<paramref name="from"/>, <paramref name="to"/>], not tracked (for reading only).</summary>
    Task<IReadOnlyList<CheckinOccurrence>> ListAnsweredCheckinOccurrencesAsync(IReadOnlyCollection<Guid> scheduleIds, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>A project's work items by number, not tracked: for reading only (digests, summaries); changes to them are not saved.</summary>
    Task<IReadOnlyList<WorkItem>> ReadWorkItemsAsync(Guid projectId, CancellationToken cancellationToken);

    /// <summary>A project's dependency links, not tracked: for reading only.</summary>
    Task<IReadOnlyList<WorkItemLink>> ReadWorkItemLinksAsync(Guid projectId, CancellationToken cancellationToken);

    /// <summary>A project's open blockers and those resolved at or after <paramref name="resolvedSince"/>, by number; not tracked (for reading only).</summary>
    Task<IReadOnlyList<Blocker>> ListOpenAndRecentBlockersAsync(Guid projectId, DateTimeOffset resolvedSince, CancellationToken cancellationToken);
}

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

    /// <summary>
    /// What scheduling and earned value read about a project, none of it tracked (for reading only, changes are not saved):
    /// its work items by number, links, current baseline with its items, progress history (in no order, without
    /// <see cref="ProgressSnapshot.RecordedAt"/>), and time and cost entries (oldest first). Seven queries, which may run at
    /// once on connections of their own: they see what is committed, not what this unit of work has yet to save.
    /// </summary>
    Task<PlanRows> ReadPlanAsync(Guid projectId, CancellationToken cancellationToken);

    /// <summary>A project's open blockers and those resolved at or after <paramref name="resolvedSince"/>, by number; not tracked (for reading only).</summary>
    Task<IReadOnlyList<Blocker>> ListOpenAndRecentBlockersAsync(Guid projectId, DateTimeOffset resolvedSince, CancellationToken cancellationToken);
}

/// <summary>A project's rows as <see cref="IPmStore.ReadPlanAsync"/> reads them.</summary>
public sealed record PlanRows(
    IReadOnlyList<WorkItem> Items,
    IReadOnlyList<WorkItemLink> Links,
    CurrentBaseline? Baseline,
    IReadOnlyList<ProgressSnapshot> Snapshots,
    IReadOnlyList<TimeEntry> TimeEntries,
    IReadOnlyList<CostEntry> CostEntries);

/// <summary>A project's current baseline and its items.</summary>
public sealed record CurrentBaseline(PlanBaseline Baseline, IReadOnlyList<PlanBaselineItem> Items)
{
    /// <summary>The baseline's finish: its latest item finish.</summary>
    public DateOnly Finish => Items.Count == 0 ? default : Items.Max(i => i.Finish);
}

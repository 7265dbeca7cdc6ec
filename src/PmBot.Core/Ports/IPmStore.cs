using PmBot.Core.Domain;
using PmBot.Core.Outbox;

namespace PmBot.Core.Ports;

/// <summary>
/// The domain store as one unit of work: entities loaded through it are tracked, <see cref="Add{T}"/> and
/// <see cref="Enqueue"/> stage new rows, and <see cref="SaveChangesAsync"/> commits all of it in one transaction
/// (so an outbox row is written together with the state that caused it).
/// </summary>
public partial interface IPmStore
{
    Task<Workspace?> FindWorkspaceAsync(ChannelKind channel, string externalId, CancellationToken cancellationToken);
    Task<Member?> FindMemberAsync(Guid workspaceId, string externalUserId, CancellationToken cancellationToken);
    Task<Member?> GetMemberAsync(Guid memberId, CancellationToken cancellationToken);
    Task<IReadOnlyList<Member>> ListMembersAsync(Guid workspaceId, CancellationToken cancellationToken);
    Task<Project?> FindProjectAsync(Guid workspaceId, string key, CancellationToken cancellationToken);
    Task<Project?> GetProjectAsync(Guid projectId, CancellationToken cancellationToken);
    Task<IReadOnlyList<Project>> ListProjectsAsync(Guid workspaceId, CancellationToken cancellationToken);
    Task<IReadOnlyList<ProjectMembership>> ListMembershipsAsync(Guid projectId, CancellationToken cancellationToken);
    Task<IReadOnlyList<ProjectMembership>> ListMembershipsOfMemberAsync(Guid memberId, CancellationToken cancellationToken);
    Task<ProjectMembership?> FindMembershipAsync(Guid projectId, Guid memberId, CancellationToken cancellationToken);
    Task<ConversationProject?> FindConversationProjectAsync(Guid workspaceId, string conversationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<WorkItem>> ListWorkItemsAsync(Guid projectId, CancellationToken cancellationToken);
    Task<IReadOnlyList<WorkItemLink>> ListWorkItemLinksAsync(Guid projectId, CancellationToken cancellationToken);
    Task<IReadOnlyList<PlanBaseline>> ListBaselinesAsync(Guid projectId, CancellationToken cancellationToken);
    /// <summary>A baseline's items, not tracked (they never change once saved).</summary>
    Task<IReadOnlyList<PlanBaselineItem>> ListBaselineItemsAsync(Guid baselineId, CancellationToken cancellationToken);
    Task<IReadOnlyList<WorkItemAllocation>> ListAllocationsAsync(Guid projectId, CancellationToken cancellationToken);

    /// <summary>The project's non-human resources, by number.</summary>
    Task<IReadOnlyList<ProjectResource>> ListResourcesAsync(Guid projectId, CancellationToken cancellationToken);

    /// <summary>Every hour logged in the project, oldest first; not tracked (for reading only).</summary>
    Task<IReadOnlyList<TimeEntry>> ListTimeEntriesAsync(Guid projectId, CancellationToken cancellationToken);

    /// <summary>Every cost recorded in the project, oldest first; not tracked (for reading only).</summary>
    Task<IReadOnlyList<CostEntry>> ListCostEntriesAsync(Guid projectId, CancellationToken cancellationToken);

    Task<IReadOnlyList<BudgetLine>> ListBudgetLinesAsync(Guid projectId, CancellationToken cancellationToken);

    /// <summary>Every progress snapshot of the project's items, in no particular order, without <see cref="ProgressSnapshot.RecordedAt"/>; not tracked (for reading only).</summary>
    Task<IReadOnlyList<ProgressSnapshot>> ListProgressSnapshotsAsync(Guid projectId, CancellationToken cancellationToken);

    /// <summary>The item's snapshot with the latest date, if any.</summary>
    Task<ProgressSnapshot?> FindLatestProgressSnapshotAsync(Guid workItemId, CancellationToken cancellationToken);

    /// <summary>True when an inbound delivery with this id was already handled.</summary>
    Task<bool> IsDeliveryHandledAsync(ChannelKind channel, string deliveryId, CancellationToken cancellationToken);

    /// <summary>Stages the record that a delivery was handled; committed with its effects.</summary>
    void MarkDeliveryHandled(ChannelKind channel, string deliveryId, DateTimeOffset at);

    void Add<T>(T entity) where T : class;
    void Remove<T>(T entity) where T : class;

    /// <summary>Stages a proactive message; it is sent only if the transaction commits.</summary>
    void Enqueue(OutboxMessage message);

    /// <summary>Commits everything staged. Throws <see cref="DuplicateKeyException"/> when a unique rule is broken.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}

/// <summary>A row broke a uniqueness rule that the database enforces (e.g. a project key taken meanwhile).</summary>
public sealed class DuplicateKeyException : Exception
{
    public DuplicateKeyException() : this("A unique rule was broken.") { }

    public DuplicateKeyException(string message) : base(message) { }

    public DuplicateKeyException(string message, Exception innerException) : base(message, innerException) { }

    public DuplicateKeyException(string entity, string message, Exception innerException) : base(message, innerException) => Entity = entity;

    /// <summary>The table whose rule was broken, e.g. "ProcessedDeliveries" or "Projects", when known.</summary>
    public string? Entity { get; }
}

/// <summary>
/// The database gave up on this transaction because it raced another writer (a deadlock or a serialization failure);
/// nothing was committed, and running the same work again on fresh state is safe.
/// </summary>
public sealed class WriteConflictException : Exception
{
    public WriteConflictException() : this("The transaction raced another writer.") { }

    public WriteConflictException(string message) : base(message) { }

    public WriteConflictException(string message, Exception innerException) : base(message, innerException) { }
}

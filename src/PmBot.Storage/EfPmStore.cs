using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PmBot.Core.Domain;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;
using PmBot.Storage.Outbox;

namespace PmBot.Storage;

/// <summary>
/// The domain store on EF Core: one DbContext per request is one unit of work. <see cref="ReadPlanAsync"/> reads its
/// tables at once, each on a context of its own from <paramref name="readers"/>.
/// </summary>
public sealed partial class EfPmStore(PmBotDbContext db, IOutboxSignal signal, IDbContextFactory<PmBotDbContext> readers,
    ICheckinScheduleObserver? scheduleObserver = null) : IPmStore
{
    private bool _enqueued;

    public Task<Workspace?> FindWorkspaceAsync(ChannelKind channel, string externalId, CancellationToken cancellationToken) =>
        db.Workspaces.FirstOrDefaultAsync(w => w.Channel == channel && w.ExternalId == externalId, cancellationToken);

    public Task<Member?> FindMemberAsync(Guid workspaceId, string externalUserId, CancellationToken cancellationToken) =>
        db.Members.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.ExternalUserId == externalUserId, cancellationToken);

    public Task<Member?> GetMemberAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.Members.FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);

    public async Task<IReadOnlyList<Member>> ListMembersAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        await db.Members.Where(m => m.WorkspaceId == workspaceId).OrderBy(m => m.DisplayName).ToListAsync(cancellationToken);

    public Task<Project?> FindProjectAsync(Guid workspaceId, string key, CancellationToken cancellationToken) =>
        db.Projects.FirstOrDefaultAsync(p => p.WorkspaceId == workspaceId && p.Key == key, cancellationToken);

    public Task<Project?> GetProjectAsync(Guid projectId, CancellationToken cancellationToken) =>
        db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);

    public async Task<IReadOnlyList<Project>> ListProjectsAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        await db.Projects.Where(p => p.WorkspaceId == workspaceId).OrderBy(p => p.Key).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ProjectMembership>> ListMembershipsAsync(Guid projectId, CancellationToken cancellationToken) =>
        await db.ProjectMemberships.Where(m => m.ProjectId == projectId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ProjectMembership>> ListMembershipsOfMemberAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.ProjectMemberships.Where(m => m.MemberId == memberId).ToListAsync(cancellationToken);

    public Task<ProjectMembership?> FindMembershipAsync(Guid projectId, Guid memberId, CancellationToken cancellationToken) =>
        db.ProjectMemberships.FirstOrDefaultAsync(m => m.ProjectId == projectId && m.MemberId == memberId, cancellationToken);

    public Task<ConversationProject?> FindConversationProjectAsync(Guid workspaceId, string conversationId, CancellationToken cancellationToken) =>
        db.ConversationProjects.FirstOrDefaultAsync(c => c.WorkspaceId == workspaceId && c.ConversationId == conversationId, cancellationToken);

    public async Task<IReadOnlyList<WorkItem>> ListWorkItemsAsync(Guid projectId, CancellationToken cancellationToken) =>
        await db.WorkItems.Where(w => w.ProjectId == projectId).OrderBy(w => w.Number).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<WorkItemLink>> ListWorkItemLinksAsync(Guid projectId, CancellationToken cancellationToken) =>
        await db.WorkItemLinks.Where(l => l.ProjectId == projectId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PlanBaseline>> ListBaselinesAsync(Guid projectId, CancellationToken cancellationToken) =>
        await db.PlanBaselines.Where(b => b.ProjectId == projectId).OrderBy(b => b.Number).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PlanBaselineItem>> ListBaselineItemsAsync(Guid baselineId, CancellationToken cancellationToken) =>
        await BaselineItemsOf(db, baselineId, cancellationToken);

    public async Task<IReadOnlyList<TimeEntry>> ListTimeEntriesAsync(Guid projectId, CancellationToken cancellationToken) =>
        await TimeEntriesOf(db, projectId, cancellationToken);

    public async Task<IReadOnlyList<CostEntry>> ListCostEntriesAsync(Guid projectId, CancellationToken cancellationToken) =>
        await CostEntriesOf(db, projectId, cancellationToken);

    public async Task<IReadOnlyList<BudgetLine>> ListBudgetLinesAsync(Guid projectId, CancellationToken cancellationToken) =>
        await db.BudgetLines.Where(b => b.ProjectId == projectId).OrderBy(b => b.Category).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ProgressSnapshot>> ListProgressSnapshotsAsync(Guid projectId, CancellationToken cancellationToken) =>
        await SnapshotsOf(db, projectId, cancellationToken);

    public Task<ProgressSnapshot?> FindLatestProgressSnapshotAsync(Guid workItemId, CancellationToken cancellationToken) =>
        db.ProgressSnapshots.Where(s => s.WorkItemId == workItemId).OrderByDescending(s => s.Date).FirstOrDefaultAsync(cancellationToken);
    public async Task<IReadOnlyList<WorkItemAllocation>> ListAllocationsAsync(Guid projectId, CancellationToken cancellationToken) =>
        await db.WorkItemAllocations.Where(a => a.ProjectId == projectId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ProjectResource>> ListResourcesAsync(Guid projectId, CancellationToken cancellationToken) =>
        await db.ProjectResources.Where(r => r.ProjectId == projectId).OrderBy(r => r.Number).ToListAsync(cancellationToken);

    public Task<bool> IsDeliveryHandledAsync(ChannelKind channel, string deliveryId, CancellationToken cancellationToken) =>
        db.ProcessedDeliveries.AnyAsync(d => d.Channel == channel && d.DeliveryId == deliveryId, cancellationToken);

    public void MarkDeliveryHandled(ChannelKind channel, string deliveryId, DateTimeOffset at) =>
        db.ProcessedDeliveries.Add(new ProcessedDelivery { Channel = channel, DeliveryId = deliveryId, HandledAt = at });

    public void Add<T>(T entity) where T : class => db.Add(entity);

    public void Remove<T>(T entity) where T : class => db.Remove(entity);

    public void Enqueue(OutboxMessage message)
    {
        db.OutboxMessages.Add(message);
        _enqueued = true;
    }

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var schedules = ChangedSchedules();
        try
        {
            if (_enqueued && db.Provider == StorageProvider.Postgres)
            {
                // NOTIFY inside the transaction is delivered on commit: other instances wake for the new rows.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                // The transaction holds exactly this one SaveChanges and is rolled back whole if it fails, so EF's
                // automatic savepoint around it (SAVEPOINT + RELEASE: two more round trips per commit) buys nothing.
                db.Database.AutoSavepointsEnabled = false;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                finally
                {
                    db.Database.AutoSavepointsEnabled = true;
                }
                await db.Database.ExecuteSqlRawAsync("NOTIFY " + OutboxNotifications.Channel, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex) when (UniqueViolation.Table(ex) is { } table)
        {
            throw new DuplicateKeyException(table, $"Unique rule broken on {table}.", ex);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException && WriteConflict.Is(ex))
        {
            throw new WriteConflictException("The transaction raced another writer; nothing was committed.", ex);
        }
        if (_enqueued)
        {
            _enqueued = false;
            signal.Pulse();
        }
        if (schedules.Count > 0 && scheduleObserver is not null)
            await scheduleObserver.SchedulesChangedAsync(schedules, cancellationToken);
    }
}

/// <summary>Recognises PostgreSQL's deadlock (40P01) and serialization failure (40001): the transaction lost a race.</summary>
public static class WriteConflict
{
    public static bool Is(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
                return true;
        }
        return false;
    }
}

/// <summary>Recognises a unique-constraint violation from either provider and names its table.</summary>
public static class UniqueViolation
{
    public static string? Table(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
                return pg.TableName ?? "";
            // SQLITE_CONSTRAINT (19): "UNIQUE constraint failed: ProcessedDeliveries.Channel, …"
            if (inner is SqliteException { SqliteErrorCode: 19 } sqlite && sqlite.Message.Contains("constraint failed: ", StringComparison.Ordinal))
            {
                var detail = sqlite.Message[(sqlite.Message.IndexOf("constraint failed: ", StringComparison.Ordinal) + 19)..];
                var dot = detail.IndexOf('.', StringComparison.Ordinal);
                return dot > 0 ? detail[..dot] : detail;
            }
        }
        return null;
    }
}

using Microsoft.EntityFrameworkCore;
using PmBot.Core.Outbox;

namespace PmBot.Storage;

/// <summary>A dead outbox row as the housekeeping report shows it.</summary>
public sealed record DeadOutboxRow(Guid Id, string Channel, string ConversationId, string IdempotencyKey, int Attempts, string? LastError, DateTimeOffset CreatedAt);

/// <summary>Housekeeping queries: purge old de-duplication rows, report dead outbox rows.</summary>
public sealed class Maintenance(IDbContextFactory<PmBotDbContext> contexts)
{
    public async Task<int> PurgeDeliveriesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProcessedDeliveries.Where(d => d.HandledAt < olderThan).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<int> PurgeSentOutboxAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMessages.Where(o => o.State == OutboxState.Sent && o.SentAt < olderThan).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeadOutboxRow>> DeadOutboxAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.OutboxMessages.AsNoTracking().Where(o => o.State == OutboxState.Dead)
            .OrderByDescending(o => o.CreatedAt).Take(max).ToListAsync(cancellationToken);
        return rows.Select(o => new DeadOutboxRow(o.Id, o.Channel.ToString(), o.ConversationId, o.IdempotencyKey, o.Attempts, o.LastError, o.CreatedAt)).ToList();
    }

    public async Task<int> CountDeadOutboxAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMessages.CountAsync(o => o.State == OutboxState.Dead, cancellationToken);
    }
}

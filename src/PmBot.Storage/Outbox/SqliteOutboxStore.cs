using Microsoft.EntityFrameworkCore;
using PmBot.Core.Outbox;

namespace PmBot.Storage.Outbox;

/// <summary>
/// The outbox on SQLite (the single-instance embedded default): a claim is a plain transaction, which SQLite
/// serialises; there is no other instance to skip locks for.
/// </summary>
public sealed class SqliteOutboxStore(IDbContextFactory<PmBotDbContext> contexts) : IOutboxStore
{
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.OutboxMessages
            .Where(o => o.State == OutboxState.Pending && o.NextAttemptAt <= now && (o.LeaseExpiresAt == null || o.LeaseExpiresAt < now))
            .OrderBy(o => o.NextAttemptAt)
            .Take(max)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.LeaseOwner = owner;
            row.LeaseExpiresAt = now + lease;
            row.Attempts++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    public async Task CompleteAsync(string owner, IReadOnlyList<OutboxCompletion> completions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (completions.Count == 0)
            return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = completions.Select(c => c.Id).ToList();
        var rows = await db.OutboxMessages.Where(o => ids.Contains(o.Id) && o.LeaseOwner == owner).ToDictionaryAsync(o => o.Id, cancellationToken);
        foreach (var completion in completions)
        {
            if (!rows.TryGetValue(completion.Id, out var row))
                continue;
            row.LeaseOwner = null;
            row.LeaseExpiresAt = null;
            switch (completion.Outcome)
            {
                case SendOutcome.Sent:
                    row.State = OutboxState.Sent;
                    row.SentAt = now;
                    row.LastError = null;
                    break;
                case SendOutcome.Dead:
                    row.State = OutboxState.Dead;
                    row.LastError = Truncate(completion.Error);
                    break;
                default:
                    row.NextAttemptAt = completion.NextAttemptAt ?? now;
                    row.LastError = Truncate(completion.Error);
                    break;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ReleaseAsync(string owner, IReadOnlyList<(Guid Id, DateTimeOffset NotBefore)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var loaded = await db.OutboxMessages.Where(o => ids.Contains(o.Id) && o.LeaseOwner == owner).ToDictionaryAsync(o => o.Id, cancellationToken);
        foreach (var (id, notBefore) in rows)
        {
            if (!loaded.TryGetValue(id, out var row))
                continue;
            row.NextAttemptAt = notBefore;
            row.Attempts--;
            row.LeaseOwner = null;
            row.LeaseExpiresAt = null;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = db.OutboxMessages.Where(o => o.State == OutboxState.Pending);
        var free = await pending.Where(o => o.LeaseExpiresAt == null).OrderBy(o => o.NextAttemptAt).Select(o => (DateTimeOffset?)o.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        var leased = await pending.Where(o => o.LeaseExpiresAt != null).OrderBy(o => o.LeaseExpiresAt).Select(o => o.LeaseExpiresAt).FirstOrDefaultAsync(cancellationToken);
        return free is null ? leased : leased is null || free < leased ? free : leased;
    }

    private static string? Truncate(string? error) => error is { Length: > 2000 } ? error[..2000] : error;
}

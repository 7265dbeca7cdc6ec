using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PmBot.Benchmarks.Outbox;

/// <summary>
/// Notes, per DbContext, the <see cref="Stopwatch"/> timestamp at which EF sends COMMIT of the transaction
/// <c>EfPmStore.SaveChangesAsync</c> opens. Taking the moment just before COMMIT (not after it returns) makes
/// commit-to-send slightly pessimistic and never negative.
/// </summary>
public sealed class CommitClock : DbTransactionInterceptor
{
    private readonly ConcurrentDictionary<DbContext, long> _committing = new(ReferenceEqualityComparer.Instance);

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
            _committing[context] = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    /// <summary>The commit timestamp of <paramref name="context"/>'s last transaction (and forgets it).</summary>
    public long Take(DbContext context) =>
        _committing.TryRemove(context, out var at) ? at : throw new InvalidOperationException("No transaction was committed on this context.");
}

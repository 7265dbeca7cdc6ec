namespace PmBot.Core.Outbox;

/// <summary>The outcome of one claimed row, written back in one batch.</summary>
public sealed record OutboxCompletion(Guid Id, SendOutcome Outcome, string? Error, DateTimeOffset? NextAttemptAt);

/// <summary>Persistence of the outbox for the dispatcher.</summary>
public interface IOutboxStore
{
    /// <summary>
    /// Claims up to <paramref name="max"/> due rows for <paramref name="owner"/> until now + <paramref name="lease"/>:
    /// pending rows whose next attempt is due and whose lease is free or expired. Increments their attempt count.
    /// Concurrent claimers never get the same row.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Writes sent / retry / dead for rows this owner holds, and frees their lease.</summary>
    Task CompleteAsync(string owner, IReadOnlyList<OutboxCompletion> completions, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Hands rows back unsent (throttled locally) without counting an attempt.</summary>
    Task ReleaseAsync(string owner, IReadOnlyList<(Guid Id, DateTimeOffset NotBefore)> rows, CancellationToken cancellationToken);

    /// <summary>The earliest moment a pending row becomes due (its next attempt, or its lease expiry), if any.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);
}

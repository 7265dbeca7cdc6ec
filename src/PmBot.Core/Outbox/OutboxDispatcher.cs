using Microsoft.Extensions.Logging;

namespace PmBot.Core.Outbox;

public sealed class OutboxDispatcherOptions
{
    /// <summary>Run a dispatcher in this process (turn off for an instance that should only serve requests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a claimed row stays ours; a crashed instance's rows are picked up after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(15);

    public int BatchSize { get; set; } = 200;

    /// <summary>The longest sleep without a wake-up signal (covers a missed NOTIFY or another instance's lease expiring).</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many conversations are sent to at once.</summary>
    public int MaxParallelConversations { get; set; } = 32;

    public RetryPolicy Retry { get; set; } = RetryPolicy.Default;
}

/// <summary>
/// Delivers outbox rows: claims due rows under a short lease, paces them through per-conversation and
/// per-workspace token buckets (a throttled conversation is handed back with a later due time and never holds
/// up the others), sends each conversation's rows in order, and writes back sent / retry / dead in one batch.
/// One instance runs in every server process; rows are shared through the store.
/// </summary>
public sealed class OutboxDispatcher
{
    private const int MaxBuckets = 50_000;

    private readonly IOutboxStore _store;
    private readonly Dictionary<Domain.ChannelKind, IChannelSender> _senders;
    private readonly IOutboxSignal _signal;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _log;
    private readonly OutboxDispatcherOptions _options;
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);

    public OutboxDispatcher(IOutboxStore store, IEnumerable<IChannelSender> senders, IOutboxSignal signal, TimeProvider time,
        ILogger<OutboxDispatcher> log, OutboxDispatcherOptions options, string owner)
    {
        _store = store;
        _senders = senders.ToDictionary(s => s.Channel);
        _signal = signal;
        _time = time;
        _log = log;
        _options = options;
        Owner = owner;
    }

    /// <summary>This dispatcher's lease owner name (host and process).</summary>
    public string Owner { get; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await DrainOnceAsync(cancellationToken) > 0)
                    continue;
                var next = await _store.NextDueAsync(cancellationToken);
                var wait = _options.IdlePoll;
                if (next is { } due)
                {
                    var until = due - _time.GetUtcNow();
                    wait = until < TimeSpan.Zero ? TimeSpan.Zero : until < wait ? until : wait;
                }
                if (wait > TimeSpan.Zero)
                    await _signal.WaitAsync(wait, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a database hiccup; the error is logged and retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _log.LogError(ex, "Outbox dispatcher {Owner} failed a round; retrying shortly", Owner);
                await Task.Delay(TimeSpan.FromSeconds(1), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Claims and handles one batch; returns how many rows were claimed.</summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var rows = await _store.ClaimDueAsync(Owner, now, _options.Lease, _options.BatchSize, cancellationToken);
        if (rows.Count == 0)
            return 0;

        if (_buckets.Count > MaxBuckets)
            _buckets.Clear();

        var completions = new List<OutboxCompletion>(rows.Count);
        var released = new List<(Guid, DateTimeOffset)>();
        // Rows held back by one bucket come back one token apart, not all at its next token (which would make every
        // round claim them all again to send one): a fan-out to thousands then runs at the bucket's rate.
        var queued = new Dictionary<string, int>(StringComparer.Ordinal);
        DateTimeOffset Later(string key, TokenBucket bucket, DateTimeOffset ready)
        {
            var ahead = queued.TryGetValue(key, out var n) ? n : 0;
            queued[key] = ahead + 1;
            return double.IsPositiveInfinity(bucket.RatePerSecond) ? ready : ready + TimeSpan.FromSeconds(ahead / bucket.RatePerSecond);
        }
        var toSend = new List<(OutboxMessage Row, IChannelSender Sender)>(rows.Count);
        // Oldest first, so that when a conversation has fewer tokens than rows its earliest rows get them.
        foreach (var row in rows.OrderBy(r => r.CreatedAt))
        {
            if (!_senders.TryGetValue(row.Channel, out var sender))
            {
                completions.Add(new OutboxCompletion(row.Id, SendOutcome.Dead, $"No sender is configured for {row.Channel}.", null));
                continue;
            }
            var conversation = Bucket(ConversationKey(row), sender.Limits.PerConversationPerSecond, sender.Limits.PerConversationBurst, now);
            var workspace = Bucket(WorkspaceKey(row), sender.Limits.PerWorkspacePerSecond, sender.Limits.PerWorkspaceBurst, now);
            if (!conversation.TryTake(now, out var conversationReady))
            {
                released.Add((row.Id, Later(ConversationKey(row), conversation, conversationReady)));
            }
            else if (!workspace.TryTake(now, out var workspaceReady))
            {
                conversation.Return();
                released.Add((row.Id, Later(WorkspaceKey(row), workspace, workspaceReady)));
            }
            else
            {
                toSend.Add((row, sender));
            }
        }
        if (released.Count > 0)
            await _store.ReleaseAsync(Owner, released, cancellationToken);

        var (results, held) = await SendByConversationAsync(toSend, cancellationToken);
        var after = _time.GetUtcNow();
        var retryAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (row, result) in results)
        {
            var completion = Complete(row, result, after);
            completions.Add(completion);
            if (completion is { Outcome: SendOutcome.Retry, NextAttemptAt: { } next })
                retryAt[ConversationKey(row)] = next;
        }
        await _store.CompleteAsync(Owner, completions, after, cancellationToken);

        // Rows queued behind a row that must be retried were not attempted: hand them back, due no sooner than it.
        if (held.Count > 0)
        {
            foreach (var (row, _) in held)
            {
                if (_buckets.TryGetValue(ConversationKey(row), out var conversation))
                    conversation.Return();
                if (_buckets.TryGetValue(WorkspaceKey(row), out var workspace))
                    workspace.Return();
            }
            await _store.ReleaseAsync(Owner,
                held.Select(h => (h.Row.Id, retryAt.TryGetValue(ConversationKey(h.Row), out var notBefore) ? notBefore : after)).ToList(),
                cancellationToken);
        }
        return rows.Count;
    }

    /// <summary>
    /// Sends each conversation's rows in order. Once a row must be retried, the rest of its conversation is held
    /// back (returned unsent), so that later rows neither overtake it nor ignore the channel's Retry-After.
    /// </summary>
    private async Task<(List<(OutboxMessage Row, SendResult Result)> Results, List<(OutboxMessage Row, IChannelSender Sender)> Held)> SendByConversationAsync(
        List<(OutboxMessage Row, IChannelSender Sender)> toSend, CancellationToken cancellationToken)
    {
        var results = new List<(OutboxMessage, SendResult)>(toSend.Count);
        var held = new List<(OutboxMessage, IChannelSender)>();
        using var gate = new SemaphoreSlim(_options.MaxParallelConversations);
        var tasks = toSend.GroupBy(x => ConversationKey(x.Row)).Select(async group =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var sent = new List<(OutboxMessage, SendResult)>();
                var notSent = new List<(OutboxMessage, IChannelSender)>();
                foreach (var (row, sender) in group.OrderBy(x => x.Row.CreatedAt))
                {
                    if (notSent.Count > 0 || (sent.Count > 0 && sent[^1].Item2.Outcome == SendOutcome.Retry))
                    {
                        notSent.Add((row, sender));
                        continue;
                    }
                    sent.Add((row, await SendOneAsync(sender, row, cancellationToken)));
                }
                return (Sent: sent, NotSent: notSent);
            }
            finally
            {
                gate.Release();
            }
        });
        foreach (var (sent, notSent) in await Task.WhenAll(tasks))
        {
            results.AddRange(sent);
            held.AddRange(notSent);
        }
        return (results, held);
    }

    private async Task<SendResult> SendOneAsync(IChannelSender sender, OutboxMessage row, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(row, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.RetryLater("Timed out.");
        }
#pragma warning disable CA1031 // A sender bug must not lose the row: it is retried and finally dead-lettered.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            _log.LogWarning(ex, "Sender for {Channel} threw on outbox row {Id}", row.Channel, row.Id);
            return SendResult.RetryLater(ex.GetType().Name + ": " + ex.Message);
        }
    }

    private OutboxCompletion Complete(OutboxMessage row, SendResult result, DateTimeOffset now)
    {
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                return new OutboxCompletion(row.Id, SendOutcome.Sent, null, null);
            case SendOutcome.Dead:
                _log.LogWarning("Outbox row {Id} to {Channel} is dead: {Reason}", row.Id, row.Channel, result.Error);
                return new OutboxCompletion(row.Id, SendOutcome.Dead, result.Error, null);
            default:
                if (result.RetryAfter is { } retryAfter && _buckets.TryGetValue(ConversationKey(row), out var bucket))
                    bucket.BlockUntil(now + retryAfter, now);
                if (row.Attempts >= _options.Retry.MaxAttempts)
                {
                    _log.LogWarning("Outbox row {Id} to {Channel} gave up after {Attempts} attempts: {Reason}", row.Id, row.Channel, row.Attempts, result.Error);
                    return new OutboxCompletion(row.Id, SendOutcome.Dead, $"Gave up after {row.Attempts} attempts: {result.Error}", null);
                }
#pragma warning disable CA5394 // Jitter, not security.
                var delay = _options.Retry.Delay(row.Attempts, result.RetryAfter, Random.Shared.NextDouble());
#pragma warning restore CA5394
                return new OutboxCompletion(row.Id, SendOutcome.Retry, result.Error, now + delay);
        }
    }

    private TokenBucket Bucket(string key, double rate, int burst, DateTimeOffset now)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
            _buckets[key] = bucket = new TokenBucket(rate, burst, now);
        return bucket;
    }

    private static string ConversationKey(OutboxMessage row) => $"c|{row.Channel}|{row.WorkspaceId}|{row.ConversationId}";

    private static string WorkspaceKey(OutboxMessage row) => $"w|{row.Channel}|{row.WorkspaceId}";
}

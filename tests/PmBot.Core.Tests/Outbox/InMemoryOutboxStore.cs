using PmBot.Core.Outbox;

namespace PmBot.Core.Tests.Outbox;

/// <summary>
/// An in-memory <see cref="IOutboxStore"/> that behaves like the SQL ones: claims take pending, due rows whose
/// lease is free or expired, in next-attempt order, lease them and count an attempt; completions and releases
/// only touch rows the owner holds. Claimed rows are handed out as copies, as a database would.
/// </summary>
internal sealed class InMemoryOutboxStore : IOutboxStore
{
    private readonly List<OutboxMessage> _rows = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<OutboxMessage> Rows
    {
        get
        {
            lock (_lock)
                return _rows.ToList();
        }
    }

    public List<IReadOnlyList<(Guid Id, DateTimeOffset NotBefore)>> Releases { get; } = [];

    public OutboxMessage Row(Guid id) => Rows.Single(r => r.Id == id);

    public void Add(params OutboxMessage[] rows)
    {
        lock (_lock)
            _rows.AddRange(rows);
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var claimed = _rows
                .Where(r => r.State == OutboxState.Pending && r.NextAttemptAt <= now && (r.LeaseExpiresAt is null || r.LeaseExpiresAt < now))
                .OrderBy(r => r.NextAttemptAt)
                .Take(max)
                .ToList();
            foreach (var row in claimed)
            {
                row.LeaseOwner = owner;
                row.LeaseExpiresAt = now + lease;
                row.Attempts++;
            }
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(claimed.Select(Copy).ToList());
        }
    }

    public Task CompleteAsync(string owner, IReadOnlyList<OutboxCompletion> completions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var completion in completions)
            {
                var row = _rows.SingleOrDefault(r => r.Id == completion.Id && r.LeaseOwner == owner);
                if (row is null)
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
                        row.LastError = completion.Error;
                        break;
                    default:
                        row.NextAttemptAt = completion.NextAttemptAt ?? now;
                        row.LastError = completion.Error;
                        break;
                }
            }
        }
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string owner, IReadOnlyList<(Guid Id, DateTimeOffset NotBefore)> rows, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Releases.Add(rows.ToList());
            foreach (var (id, notBefore) in rows)
            {
                var row = _rows.SingleOrDefault(r => r.Id == id && r.LeaseOwner == owner);
                if (row is null)
                    continue;
                row.NextAttemptAt = notBefore;
                row.Attempts--;
                row.LeaseOwner = null;
                row.LeaseExpiresAt = null;
            }
        }
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var due = _rows.Where(r => r.State == OutboxState.Pending)
                .Select(r => r.LeaseExpiresAt ?? r.NextAttemptAt)
                .Order()
                .Select(d => (DateTimeOffset?)d)
                .FirstOrDefault();
            return Task.FromResult(due);
        }
    }

    private static OutboxMessage Copy(OutboxMessage r) => new()
    {
        Id = r.Id,
        Channel = r.Channel,
        WorkspaceId = r.WorkspaceId,
        ConversationId = r.ConversationId,
        IdempotencyKey = r.IdempotencyKey,
        Payload = r.Payload,
        State = r.State,
        Attempts = r.Attempts,
        CreatedAt = r.CreatedAt,
        NextAttemptAt = r.NextAttemptAt,
        LeaseOwner = r.LeaseOwner,
        LeaseExpiresAt = r.LeaseExpiresAt,
        SentAt = r.SentAt,
        LastError = r.LastError,
    };
}

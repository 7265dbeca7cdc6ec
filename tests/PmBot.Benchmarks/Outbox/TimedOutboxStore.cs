using System.Diagnostics;
using System.Globalization;
using PmBot.Core.Outbox;

namespace PmBot.Benchmarks.Outbox;

/// <summary>Wraps the real store in a worker to report where a dispatcher round's time goes (claims vs. completions).</summary>
public sealed class TimedOutboxStore(IOutboxStore inner) : IOutboxStore
{
    private readonly Timing _claims = new();
    private readonly Timing _emptyClaims = new();
    private readonly Timing _completes = new();
    private readonly Timing _nextDue = new();
    private long _claimed;

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var rows = await inner.ClaimDueAsync(owner, now, lease, max, cancellationToken);
        (rows.Count > 0 ? _claims : _emptyClaims).Add(start);
        Interlocked.Add(ref _claimed, rows.Count);
        return rows;
    }

    public async Task CompleteAsync(string owner, IReadOnlyList<OutboxCompletion> completions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await inner.CompleteAsync(owner, completions, now, cancellationToken);
        _completes.Add(start);
    }

    public Task ReleaseAsync(string owner, IReadOnlyList<(Guid Id, DateTimeOffset NotBefore)> rows, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(owner, rows, cancellationToken);

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var next = await inner.NextDueAsync(cancellationToken);
        _nextDue.Add(start);
        return next;
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"store timing: claims {_claims} ({(_claims.Count == 0 ? 0 : (double)Interlocked.Read(ref _claimed) / _claims.Count):0.0} rows each), empty claims {_emptyClaims}, completions {_completes}, next-due {_nextDue}");

    private sealed class Timing
    {
        private long _count;
        private long _ticks;

        public long Count => Interlocked.Read(ref _count);

        public void Add(long start)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Count} x {(Count == 0 ? 0 : Interlocked.Read(ref _ticks) * 1000.0 / Stopwatch.Frequency / Count):0.00} ms");
    }
}

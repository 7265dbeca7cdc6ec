namespace PmBot.Core.Outbox;

/// <summary>
/// A token bucket: <see cref="Burst"/> tokens at most, refilled at <see cref="RatePerSecond"/>. A channel's
/// <c>Retry-After</c> empties it until the given moment. Not thread-safe: the dispatcher owns its buckets.
/// </summary>
public sealed class TokenBucket(double ratePerSecond, int burst, DateTimeOffset now)
{
    private double _tokens = burst;
    private DateTimeOffset _updated = now;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public double RatePerSecond { get; } = ratePerSecond;
    public int Burst { get; } = burst;

    /// <summary>Takes a token if one is there; otherwise says when the next one will be.</summary>
    public bool TryTake(DateTimeOffset now, out DateTimeOffset availableAt)
    {
        if (now < _blockedUntil)
        {
            availableAt = _blockedUntil;
            return false;
        }
        Refill(now);
        if (_tokens >= 1)
        {
            _tokens -= 1;
            availableAt = now;
            return true;
        }
        availableAt = now + TimeSpan.FromSeconds((1 - _tokens) / RatePerSecond);
        return false;
    }

    /// <summary>Gives back a token taken for a message that was then not sent.</summary>
    public void Return() => _tokens = Math.Min(Burst, _tokens + 1);

    /// <summary>The channel said to wait: nothing goes out before <paramref name="until"/>.</summary>
    public void BlockUntil(DateTimeOffset until, DateTimeOffset now)
    {
        Refill(now);
        _tokens = 0;
        if (until > _blockedUntil)
            _blockedUntil = until;
    }

    private void Refill(DateTimeOffset now)
    {
        if (double.IsPositiveInfinity(RatePerSecond))
        {
            _tokens = Burst;
            _updated = now;
            return;
        }
        var elapsed = (now - _updated).TotalSeconds;
        if (elapsed > 0)
        {
            _tokens = Math.Min(Burst, _tokens + elapsed * RatePerSecond);
            _updated = now;
        }
    }
}

namespace PmBot.Server.Tests.Infrastructure;

/// <summary>
/// The server's clock in tests that move through days: the real time until <see cref="Set"/> is first called, then the
/// instant set plus the real time elapsed since (so answers come a few seconds after their prompts, as they would).
/// Timers keep running in real time: the outbox dispatcher wakes as usual and finds what the clock has made due.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _anchor;
    private long _anchoredAt;

    /// <summary>True once <see cref="Set"/> was called.</summary>
    public bool IsSet
    {
        get
        {
            lock (_lock)
                return _anchor is not null;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
            return _anchor is { } anchor ? anchor + TimeProvider.System.GetElapsedTime(_anchoredAt) : TimeProvider.System.GetUtcNow();
    }

    /// <summary>From now on the clock reads <paramref name="instant"/> (then runs on from it). The first call may set any moment; later ones never go back.</summary>
    public void Set(DateTimeOffset instant)
    {
        lock (_lock)
        {
            if (_anchor is { } anchor)
            {
                var now = anchor + TimeProvider.System.GetElapsedTime(_anchoredAt);
                if (instant < now - TimeSpan.FromSeconds(1))
                    throw new InvalidOperationException($"The clock does not go back: it reads {now:O}, asked for {instant:O}.");
                if (instant < now)
                    instant = now;
            }
            _anchor = instant.ToUniversalTime();
            _anchoredAt = TimeProvider.System.GetTimestamp();
        }
    }
}

namespace PmBot.Core.Outbox;

/// <summary>Capped exponential backoff with full jitter, and the attempt after which a message is dead.</summary>
public sealed record RetryPolicy(TimeSpan BaseDelay, TimeSpan MaxDelay, int MaxAttempts)
{
    public static RetryPolicy Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10), 12);

    /// <param name="attempt">The attempt that just failed (1 for the first).</param>
    /// <param name="retryAfter">What the channel asked for, if anything: never retry sooner.</param>
    /// <param name="random">A value in [0, 1) for the jitter.</param>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter, double random)
    {
        var exponent = Math.Min(attempt - 1, 20);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var jittered = TimeSpan.FromMilliseconds(ceiling / 2 + random * ceiling / 2);
        return retryAfter is { } after && after > jittered ? after : jittered;
    }
}

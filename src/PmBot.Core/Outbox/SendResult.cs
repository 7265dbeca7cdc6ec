namespace PmBot.Core.Outbox;

public enum SendOutcome
{
    Sent,
    Retry,
    Dead,
}

/// <summary>What a channel sender reports for one message.</summary>
public sealed record SendResult(SendOutcome Outcome, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static SendResult Sent { get; } = new(SendOutcome.Sent);
    public static SendResult RetryLater(string error, TimeSpan? retryAfter = null) => new(SendOutcome.Retry, error, retryAfter);
    public static SendResult DeadLetter(string error) => new(SendOutcome.Dead, error);
}

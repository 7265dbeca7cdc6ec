namespace PmBot.Channels.Slack;

/// <summary>Settings for talking to Slack (section "Slack" of the configuration).</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>The Web API root; tests point it at a loopback fake. Must end with a slash.</summary>
    public Uri ApiBaseAddress { get; set; } = new("https://slack.com/api/");

    /// <summary>How long one HTTP attempt may take before it counts as a timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a call answered with HTTP 429 is retried after its Retry-After (every method: a 429 was not processed).</summary>
    public int MaxRateLimitRetries { get; set; } = 2;

    /// <summary>
    /// A Retry-After longer than this is not waited for in-process: the caller gets <see cref="SlackRateLimitedException"/>
    /// (the outbox then holds the conversation back for the Retry-After instead of blocking a sender slot).
    /// </summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of 5xx, timeouts and network errors; only for idempotent methods.</summary>
    public int MaxTransientRetries { get; set; } = 2;

    /// <summary>First backoff of a transient retry (exponential, with jitter).</summary>
    public TimeSpan TransientRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Per-workspace circuit breaker: share of failed calls (5xx, timeouts, network) that opens it.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Per-workspace circuit breaker: calls needed in the sampling window before it may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a users.info answer (time zone, locale, names) is kept.</summary>
    public TimeSpan UserInfoCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>chat.postMessage allows about one message a second per conversation, with short bursts.</summary>
    public double PerConversationPerSecond { get; set; } = 1;

    public int PerConversationBurst { get; set; } = 3;

    /// <summary>A workspace-wide pace across all its conversations.</summary>
    public double PerWorkspacePerSecond { get; set; } = 10;

    public int PerWorkspaceBurst { get; set; } = 20;

    /// <summary>
    /// When a retried outbox row looks for its earlier post in conversations.history, it looks back to the row's
    /// creation minus this allowance for clock skew.
    /// </summary>
    public TimeSpan HistoryClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>At most this many conversations.history pages (of 200) are read when looking for an earlier post.</summary>
    public int HistoryMaxPages { get; set; } = 3;

    /// <summary>The app-level token (<c>xapp-…</c>, scope connections:write) for Socket Mode; empty when Socket Mode is off.</summary>
    public string? AppLevelToken { get; set; }

    /// <summary>First reconnect delay of the Socket Mode client; doubled up to <see cref="SocketModeMaxReconnectDelay"/>.</summary>
    public TimeSpan SocketModeReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan SocketModeMaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);
}

namespace PmBot.Channels.Teams.Outbound;

/// <summary>Settings of the outbound Bot Connector client and the Teams sender (section <c>Teams</c>).</summary>
public sealed class BotConnectorOptions
{
    /// <summary>The bot's Entra app id. Empty: local / Playground mode, requests carry no Authorization header.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The tenant of a single-tenant bot; empty for a multi-tenant bot (authority <c>botframework.com</c>).</summary>
    public string? TenantId { get; set; }

    /// <summary>The token authority's base (tests point it at a loopback server).</summary>
    public Uri LoginBaseAddress { get; set; } = new("https://login.microsoftonline.com/");

    public string Scope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>A cached token is renewed this long before it expires.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Service URLs trusted from configuration (in addition to those of authenticated activities).</summary>
    public IList<Uri> TrustedServiceUrls { get; } = [];

    /// <summary>A 429 asking to wait longer than this is not waited for in-process: it surfaces as <see cref="BotConnectorRateLimitedException"/>.</summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxRateLimitRetries { get; set; } = 2;

    /// <summary>Retries of 412/502/503/504, timeouts and network errors (idempotent operations only).</summary>
    public int MaxTransientRetries { get; set; } = 3;

    public TimeSpan TransientRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Teams allows a bot 7 messages/s (8 per 2 s) into one conversation; the 60/30 s and 1800/h windows are not modelled.</summary>
    public double PerConversationPerSecond { get; set; } = 7;

    public int PerConversationBurst { get; set; } = 8;

    /// <summary>Across one tenant (workspace). Teams allows 50 RPS per app per tenant (older documents: 30).</summary>
    public double PerWorkspacePerSecond { get; set; } = 30;

    public int PerWorkspaceBurst { get; set; } = 50;
}

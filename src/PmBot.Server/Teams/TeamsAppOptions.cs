namespace PmBot.Server.Teams;

/// <summary>
/// Configuration section <c>PmBot:Teams</c>. Teams is on with an app id (production: every request must carry a valid
/// Bot Framework token) or with <see cref="AllowUnauthenticated"/> and no app id (local tools such as the Agents
/// Playground). The same section binds the Bot Connector options (<c>AppPassword</c>, <c>TenantId</c>, pacing, …).
/// </summary>
public sealed class TeamsAppOptions
{
    public const string Section = "PmBot:Teams";

    public string? AppId { get; set; }
    public string? AppPassword { get; set; }

    /// <summary>Single-tenant bots: their tenant (token authority and accepted issuer).</summary>
    public string? TenantId { get; set; }

    /// <summary>Accept requests without a token, but only while no app id is configured. Off by default.</summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>How long a message may take before PmBot shows "typing…" and answers when done (Teams allows 15 s).</summary>
    public TimeSpan ReplyBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Overrides the Bot Framework OpenID metadata (tests and load runs point it at a loopback stand-in).</summary>
    public Uri? ChannelMetadataUrl { get; set; }

    public Uri? EmulatorMetadataUrl { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(AppId) || AllowUnauthenticated;
}

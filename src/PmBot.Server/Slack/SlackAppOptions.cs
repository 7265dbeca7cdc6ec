namespace PmBot.Server.Slack;

/// <summary>
/// Configuration section <c>PmBot:Slack</c> (e.g. <c>PmBot__Slack__SigningSecret</c>). Slack is on when a signing
/// secret (HTTP mode) or an app-level token (Socket Mode) is set. The same section also binds
/// <see cref="PmBot.Channels.Slack.SlackOptions"/> (API base address, pacing, <c>AppLevelToken</c>, …).
/// </summary>
public sealed class SlackAppOptions
{
    public const string Section = "PmBot:Slack";

    /// <summary>Verifies every HTTP request from Slack.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Single-workspace mode: the bot token (<c>xoxb-…</c>) used for every workspace without an OAuth install.</summary>
    public string? BotToken { get; set; }

    /// <summary>Socket Mode: the app-level token (<c>xapp-…</c>, scope connections:write).</summary>
    public string? AppLevelToken { get; set; }

    /// <summary>Multi-workspace mode (OAuth v2 install): the app's client id and secret.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Where PmBot is reachable from the internet (for the OAuth redirect URL), e.g. https://pmbot.example.com.</summary>
    public Uri? PublicBaseUrl { get; set; }

    public Uri AuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    /// <summary>How long a slash command or click may take before PmBot acks and answers later (Slack allows 3 s).</summary>
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrEmpty(SigningSecret) || !string.IsNullOrEmpty(AppLevelToken);

    public bool SocketMode => !string.IsNullOrEmpty(AppLevelToken);

    public bool OAuthEnabled => !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret);
}

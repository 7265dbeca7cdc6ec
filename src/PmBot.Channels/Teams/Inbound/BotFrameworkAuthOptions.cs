namespace PmBot.Channels.Teams.Inbound;

/// <summary>How <see cref="BotFrameworkAuthenticator"/> checks the bearer token of an inbound activity.</summary>
public sealed record BotFrameworkAuthOptions
{
    /// <summary>The Bot Framework metadata of channel tokens (issuer <c>https://api.botframework.com</c>).</summary>
    public static readonly Uri DefaultChannelMetadataUrl = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>The Entra metadata of Emulator / channel-less tokens, minted with the bot's own credentials.</summary>
    public static readonly Uri DefaultEmulatorMetadataUrl = new("https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration");

    /// <summary>The bot's Microsoft app id: the audience every token must name. Empty disables authentication (see <see cref="AllowUnauthenticated"/>).</summary>
    public string? AppId { get; init; }

    /// <summary>For a single-tenant bot: its Entra tenant, whose own issuers are then accepted for Emulator-style tokens.</summary>
    public string? TenantId { get; init; }

    /// <summary>
    /// With an empty <see cref="AppId"/>, treat requests without an <c>Authorization</c> header as anonymous
    /// (the Agents Playground without credentials). Ignored when an app id is set.
    /// </summary>
    public bool AllowUnauthenticated { get; init; }

    public Uri ChannelMetadataUrl { get; init; } = DefaultChannelMetadataUrl;

    public Uri EmulatorMetadataUrl { get; init; } = DefaultEmulatorMetadataUrl;

    /// <summary>Allowed difference between our clock and the token issuer's.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often signing keys are refreshed in any case.</summary>
    public TimeSpan AutomaticRefreshInterval { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The least time between two refreshes caused by a token signed with an unknown key id.</summary>
    public TimeSpan UnknownKeyRefreshInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a request waits for a refresh caused by an unknown key id.</summary>
    public TimeSpan UnknownKeyRefreshTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal bool AuthenticationDisabled => string.IsNullOrEmpty(AppId);
}

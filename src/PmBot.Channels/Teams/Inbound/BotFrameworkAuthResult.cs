using System.Security.Claims;

namespace PmBot.Channels.Teams.Inbound;

/// <summary>Which kind of token authenticated a request.</summary>
public enum BotFrameworkTokenKind
{
    /// <summary>A Bot Framework channel token (issuer <c>https://api.botframework.com</c>), e.g. from Teams.</summary>
    Channel,

    /// <summary>An Entra token minted with the bot's own credentials (Emulator, Agents Playground with credentials).</summary>
    Emulator,
}

/// <summary>
/// The outcome of <see cref="BotFrameworkAuthenticator.AuthenticateAsync"/>. Reasons are fixed texts, safe to log: they
/// never hold token contents.
/// </summary>
public abstract record BotFrameworkAuthResult
{
    private BotFrameworkAuthResult()
    {
    }

    /// <summary>The token is valid: process the activity.</summary>
    public sealed record Authenticated(ClaimsIdentity Identity, BotFrameworkTokenKind Kind) : BotFrameworkAuthResult;

    /// <summary>Authentication is disabled (no app id, unauthenticated requests allowed) and the request carried no token.</summary>
    public sealed record Anonymous : BotFrameworkAuthResult;

    /// <summary>Answer 401: no token, or a token that is not valid for this bot.</summary>
    public sealed record Unauthorized(string Reason) : BotFrameworkAuthResult;

    /// <summary>Answer 403: a valid token whose signing key is not endorsed for the activity's channel.</summary>
    public sealed record Forbidden(string Reason) : BotFrameworkAuthResult;
}

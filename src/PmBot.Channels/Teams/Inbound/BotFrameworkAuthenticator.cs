using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PmBot.Channels.Teams.Inbound;

/// <summary>
/// Checks the <c>Authorization: Bearer &lt;JWT&gt;</c> of an inbound Bot Framework activity.
/// <para>
/// The token's (unvalidated) <c>iss</c> picks the key source, and nothing is fetched for any other issuer:
/// <list type="bullet">
/// <item><c>https://api.botframework.com</c>: a channel token. Keys from <see cref="BotFrameworkAuthOptions.ChannelMetadataUrl"/>.
/// Besides issuer, audience (the app id), lifetime (± skew) and an RS256/384/512 signature by a key of the JWKS, its
/// <c>serviceurl</c> claim must equal the activity's serviceUrl (ignoring case, nothing else normalised), and the
/// signing key's <c>endorsements</c> must list the activity's channel id, else <see cref="BotFrameworkAuthResult.Forbidden"/>.
/// Unlike the Bot Builder SDK, a key with no endorsements at all is not endorsed for any channel.</item>
/// <item>The Bot Framework's Entra issuers (and, for a single-tenant bot, its own tenant's): an Emulator-style token.
/// Keys from <see cref="BotFrameworkAuthOptions.EmulatorMetadataUrl"/>; the app id claim (<c>appid</c> for
/// <c>ver</c> 1.0, <c>azp</c> for 2.0) must equal the bot's app id as well. No endorsement or serviceUrl check.</item>
/// </list>
/// Keys refresh every <see cref="BotFrameworkAuthOptions.AutomaticRefreshInterval"/>, and once more, at most every
/// <see cref="BotFrameworkAuthOptions.UnknownKeyRefreshInterval"/>, when a token names a key id the keys lack; that
/// request then waits for the refresh.
/// </para>
/// Nothing here logs or returns token contents.
/// </summary>
public sealed class BotFrameworkAuthenticator
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string ServiceUrlClaim = "serviceurl";

    private static readonly string[] EntraTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotFrameworkAuthOptions options;
    private readonly ILogger logger;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly KeySource channel;
    private readonly KeySource emulator;
    private readonly HashSet<string> emulatorIssuers;

    /// <param name="httpClient">Fetches the metadata and keys. HTTPS is required except for loopback addresses (tests).</param>
    public BotFrameworkAuthenticator(BotFrameworkAuthOptions options, HttpClient httpClient, ILogger<BotFrameworkAuthenticator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        this.options = options;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        channel = new KeySource(options.ChannelMetadataUrl, httpClient, options);
        emulator = new KeySource(options.EmulatorMetadataUrl, httpClient, options);
        emulatorIssuers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tenant in EntraTenants)
            AddTenantIssuers(emulatorIssuers, tenant);
        if (!string.IsNullOrWhiteSpace(options.TenantId))
            AddTenantIssuers(emulatorIssuers, options.TenantId.Trim());
    }

    /// <param name="authorizationHeader">The <c>Authorization</c> header, or null when absent.</param>
    /// <param name="serviceUrl">The activity's <c>serviceUrl</c>.</param>
    /// <param name="channelId">The activity's <c>channelId</c> (e.g. <c>msteams</c>).</param>
    public async Task<BotFrameworkAuthResult> AuthenticateAsync(string? authorizationHeader, string? serviceUrl, string? channelId, CancellationToken cancellationToken = default)
    {
        var result = await AuthenticateCoreAsync(authorizationHeader, serviceUrl, channelId, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case BotFrameworkAuthResult.Unauthorized u:
                logger.LogInformation("Bot Framework request refused (401): {Reason}", u.Reason);
                break;
            case BotFrameworkAuthResult.Forbidden f:
                logger.LogWarning("Bot Framework request refused (403): {Reason}", f.Reason);
                break;
        }
        return result;
    }

    private async Task<BotFrameworkAuthResult> AuthenticateCoreAsync(string? header, string? serviceUrl, string? channelId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return options.AuthenticationDisabled && options.AllowUnauthenticated
                ? new BotFrameworkAuthResult.Anonymous()
                : new BotFrameworkAuthResult.Unauthorized("The request has no Authorization header.");
        }
        if (options.AuthenticationDisabled)
            return new BotFrameworkAuthResult.Unauthorized("No app id is configured, so no token can be accepted.");

        const string scheme = "Bearer ";
        header = header.Trim();
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length <= scheme.Length)
            return new BotFrameworkAuthResult.Unauthorized("The Authorization header is not a bearer token.");
        var token = header[scheme.Length..].Trim();

        JsonWebToken unvalidated;
        try
        {
            unvalidated = handler.ReadJsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or FormatException)
        {
            return new BotFrameworkAuthResult.Unauthorized("The bearer token is not a readable JWT.");
        }

        string issuer;
        try
        {
            issuer = unvalidated.Issuer;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or FormatException)
        {
            return new BotFrameworkAuthResult.Unauthorized("The bearer token is not a readable JWT.");
        }

        KeySource source;
        BotFrameworkTokenKind kind;
        IEnumerable<string> validIssuers;
        if (string.Equals(issuer, ChannelIssuer, StringComparison.Ordinal))
        {
            (source, kind, validIssuers) = (channel, BotFrameworkTokenKind.Channel, [ChannelIssuer]);
        }
        else if (emulatorIssuers.Contains(issuer))
        {
            (source, kind, validIssuers) = (emulator, BotFrameworkTokenKind.Emulator, emulatorIssuers);
        }
        else
        {
            return new BotFrameworkAuthResult.Unauthorized("The token's issuer is not trusted.");
        }

        var keyId = unvalidated.Kid;
        if (string.IsNullOrEmpty(keyId))
            return new BotFrameworkAuthResult.Unauthorized("The token names no signing key.");

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await source.Manager.GetConfigurationAsync(ct).ConfigureAwait(false);
            if (!HasKey(configuration, keyId))
            {
                var refreshed = await source.RefreshForUnknownKeyAsync(ct).ConfigureAwait(false);
                if (refreshed is not null)
                    configuration = refreshed;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or TimeoutException or ArgumentException)
        {
            logger.LogWarning(e, "Bot Framework signing keys could not be retrieved from {Metadata}", source.MetadataUrl);
            return new BotFrameworkAuthResult.Unauthorized("The signing keys could not be retrieved.");
        }
        if (!HasKey(configuration, keyId))
            return new BotFrameworkAuthResult.Unauthorized("The token is signed with an unknown key.");

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = validIssuers,
            ValidateIssuer = true,
            ValidAudience = options.AppId,
            ValidateAudience = true,
            RequireAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = options.ClockSkew,
            // TokenValidationParameters has no public TimeProvider in 8.23: check the lifetime with ours.
            LifetimeValidator = ValidateLifetime,
            RequireSignedTokens = true,
            ValidAlgorithms = Algorithms,
            IssuerSigningKeys = configuration.SigningKeys,
            TryAllIssuerSigningKeys = false,
            SaveSigninToken = false,
            IncludeTokenOnFailedValidation = false,
            LogValidationExceptions = false,
        };
        var validation = await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!validation.IsValid)
            return new BotFrameworkAuthResult.Unauthorized(Describe(validation.Exception));
        var identity = validation.ClaimsIdentity;

        if (kind == BotFrameworkTokenKind.Channel)
        {
            var claimed = identity.FindFirst(ServiceUrlClaim)?.Value;
            if (string.IsNullOrEmpty(serviceUrl) || !string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
                return new BotFrameworkAuthResult.Unauthorized("The token's serviceurl does not match the activity's serviceUrl.");
            if (string.IsNullOrEmpty(channelId) || !source.Retriever.EndorsementsOf(configuration, keyId).Contains(channelId))
                return new BotFrameworkAuthResult.Forbidden("The signing key is not endorsed for the activity's channel.");
        }
        else
        {
            var appIdClaim = identity.FindFirst("ver")?.Value switch
            {
                "1.0" => identity.FindFirst("appid")?.Value,
                "2.0" => identity.FindFirst("azp")?.Value,
                _ => null,
            };
            if (!string.Equals(appIdClaim, options.AppId, StringComparison.OrdinalIgnoreCase))
                return new BotFrameworkAuthResult.Unauthorized("The token was not issued to this bot's app id.");
        }
        return new BotFrameworkAuthResult.Authenticated(identity, kind);
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = options.TimeProvider.GetUtcNow().UtcDateTime;
        if (expires is not { } exp)
            return false;
        if (notBefore is { } nbf && (nbf > exp || nbf.ToUniversalTime() - options.ClockSkew > now))
            return false;
        return exp.ToUniversalTime() + options.ClockSkew >= now;
    }

    private static bool HasKey(OpenIdConnectConfiguration configuration, string keyId) =>
        configuration.SigningKeys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));

    private static void AddTenantIssuers(HashSet<string> issuers, string tenant)
    {
        issuers.Add($"https://sts.windows.net/{tenant}/");
        issuers.Add($"https://login.microsoftonline.com/{tenant}/v2.0");
    }

    /// <summary>A fixed, token-free text per failure kind (exception messages may quote claims).</summary>
    private static string Describe(Exception? e) => e switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        SecurityTokenInvalidLifetimeException => "The token is expired, not yet valid, or has no valid lifetime.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not trusted.",
        SecurityTokenInvalidAudienceException => "The token is not for this bot.",
        SecurityTokenInvalidAlgorithmException => "The token's algorithm is not allowed.",
        SecurityTokenSignatureKeyNotFoundException => "The token is signed with an unknown key.",
        SecurityTokenInvalidSignatureException => "The token's signature is invalid.",
        SecurityTokenMalformedException => "The bearer token is not a readable JWT.",
        _ => "The token is invalid.",
    };

    /// <summary>One metadata address: its configuration manager and the unknown-kid refresh gate.</summary>
    private sealed class KeySource
    {
        private readonly TimeProvider time;
        private readonly TimeSpan unknownKeyInterval;
        private readonly TimeSpan unknownKeyTimeout;
        private readonly Lock gate = new();
        private DateTimeOffset? lastUnknownKeyRefresh;

        public KeySource(Uri metadataUrl, HttpClient httpClient, BotFrameworkAuthOptions options)
        {
            MetadataUrl = metadataUrl;
            time = options.TimeProvider;
            unknownKeyInterval = options.UnknownKeyRefreshInterval;
            unknownKeyTimeout = options.UnknownKeyRefreshTimeout;
            Retriever = new BotFrameworkKeyRetriever();
            var documents = new HttpDocumentRetriever(httpClient) { RequireHttps = !metadataUrl.IsLoopback };
            Manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl.AbsoluteUri, Retriever, documents)
            {
                AutomaticRefreshInterval = options.AutomaticRefreshInterval,
                RefreshInterval = options.UnknownKeyRefreshInterval,
            };
        }

        public Uri MetadataUrl { get; }

        public BotFrameworkKeyRetriever Retriever { get; }

        public ConfigurationManager<OpenIdConnectConfiguration> Manager { get; }

        /// <summary>
        /// Asks for fresh keys unless that was done less than the interval ago, and waits for them.
        /// Null when no refresh was made or it failed.
        /// </summary>
        public async Task<OpenIdConnectConfiguration?> RefreshForUnknownKeyAsync(CancellationToken ct)
        {
            var now = time.GetUtcNow();
            lock (gate)
            {
                if (lastUnknownKeyRefresh is { } last && now - last < unknownKeyInterval)
                    return null;
                lastUnknownKeyRefresh = now;
            }
            var next = Retriever.NextRetrieval();
            Manager.RequestRefresh();
            // Depending on the library's update mode the refresh starts now or on the next read: read once to be sure.
            _ = await Manager.GetConfigurationAsync(ct).ConfigureAwait(false);
            try
            {
                return await next.WaitAsync(unknownKeyTimeout, time, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }
    }
}

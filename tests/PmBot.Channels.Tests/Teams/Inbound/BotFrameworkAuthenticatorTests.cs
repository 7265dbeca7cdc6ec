using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PmBot.Channels.Teams.Inbound;
using PmBot.Channels.Tests.Slack.Fakes;

using PmBot.TestSupport.Teams;

namespace PmBot.Channels.Tests.Teams.Inbound;

public sealed class BotFrameworkAuthenticatorTests : IAsyncLifetime
{
    private const string AppId = "5b1c2d3e-0000-4000-8000-00000000a11d";
    private const string TenantId = "7e57a11d-1111-4222-8333-444455556666";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string BotFrameworkTenantIssuerV2 = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";
    private const string BotFrameworkTenantIssuerV1 = "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerFactory logs = new();
    private readonly HttpClient http = new();
    private FakeBotFrameworkIdentity identity = null!;

    public async Task InitializeAsync() => identity = await FakeBotFrameworkIdentity.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await identity.DisposeAsync();
    }

    [Fact]
    public async Task AuthenticateAsync_ValidChannelToken_Authenticated()
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(ChannelToken()), ServiceUrl, "msteams");

        var ok = Assert.IsType<BotFrameworkAuthResult.Authenticated>(result);
        Assert.Equal(BotFrameworkTokenKind.Channel, ok.Kind);
        Assert.Equal(AppId, ok.Identity.FindFirst("aud")?.Value);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlDiffersOnlyInCase_Authenticated()
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(ChannelToken()), ServiceUrl.ToUpperInvariant(), "msteams");

        Assert.IsType<BotFrameworkAuthResult.Authenticated>(result);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongIssuer_Unauthorized()
    {
        var token = ChannelToken(issuer: "https://api.botframework.com.evil.example");

        Assert.Equal("The token's issuer is not trusted.", await AssertUnauthorized(token));
        Assert.Equal(0, identity.ChannelKeyFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_Unauthorized()
    {
        Assert.Equal("The token is not for this bot.", await AssertUnauthorized(ChannelToken(audience: "another-bot")));
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredBeyondSkew_Unauthorized()
    {
        var token = ChannelToken(notBefore: time.GetUtcNow().AddHours(-1), expires: time.GetUtcNow().AddMinutes(-6));

        Assert.Equal("The token is expired, not yet valid, or has no valid lifetime.", await AssertUnauthorized(token));
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredWithinSkew_Authenticated()
    {
        var token = ChannelToken(notBefore: time.GetUtcNow().AddHours(-1), expires: time.GetUtcNow().AddMinutes(-4));

        Assert.IsType<BotFrameworkAuthResult.Authenticated>(await Authenticator().AuthenticateAsync(Bearer(token), ServiceUrl, "msteams"));
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValid_Unauthorized()
    {
        var token = ChannelToken(notBefore: time.GetUtcNow().AddMinutes(10));

        await AssertUnauthorized(token);
    }

    [Fact]
    public async Task AuthenticateAsync_ClockAdvancesPastExpiry_Unauthorized()
    {
        var authenticator = Authenticator();
        var token = ChannelToken();
        Assert.IsType<BotFrameworkAuthResult.Authenticated>(await authenticator.AuthenticateAsync(Bearer(token), ServiceUrl, "msteams"));

        time.Advance(TimeSpan.FromHours(2));

        Assert.IsType<BotFrameworkAuthResult.Unauthorized>(await authenticator.AuthenticateAsync(Bearer(token), ServiceUrl, "msteams"));
    }

    [Fact]
    public async Task AuthenticateAsync_AlgNone_Unauthorized()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT","kid":"channel-endorsed"}""");
        var payload = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(ClaimsJson().ToJsonString()));

        var reason = await AssertUnauthorized($"{header}.{payload}.");

        Assert.Contains(reason, new[] { "The token's signature is invalid.", "The token's algorithm is not allowed." });
    }

    [Fact]
    public async Task AuthenticateAsync_Hs256SignedWithPublicKey_Unauthorized()
    {
        var publicKeyBytes = identity.EndorsedKey.Rsa.ExportSubjectPublicKeyInfo();
        var hmac = new SymmetricSecurityKey(publicKeyBytes) { KeyId = identity.EndorsedKey.KeyId };
        var token = Mint(new SigningCredentials(hmac, SecurityAlgorithms.HmacSha256));

        var reason = await AssertUnauthorized(token);

        Assert.Contains(reason, new[] { "The token's signature is invalid.", "The token's algorithm is not allowed." });
    }

    [Fact]
    public async Task AuthenticateAsync_TamperedPayload_Unauthorized()
    {
        var parts = ChannelToken(audience: "another-bot").Split('.');
        var claims = ClaimsJson();
        claims["aud"] = AppId;
        parts[1] = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()));

        await AssertUnauthorized(string.Join('.', parts));
    }

    [Fact]
    public async Task AuthenticateAsync_KeyWithoutEndorsements_Forbidden()
    {
        var token = ChannelToken(key: identity.PlainKey);

        var result = await Authenticator().AuthenticateAsync(Bearer(token), ServiceUrl, "msteams");

        Assert.IsType<BotFrameworkAuthResult.Forbidden>(result);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyNotEndorsedForChannel_Forbidden()
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(ChannelToken()), ServiceUrl, "slack");

        Assert.IsType<BotFrameworkAuthResult.Forbidden>(result);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlMismatch_Unauthorized()
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(ChannelToken()), "https://evil.example/teams/", "msteams");

        Assert.IsType<BotFrameworkAuthResult.Unauthorized>(result);
    }

    [Fact]
    public async Task AuthenticateAsync_NoServiceUrlClaim_Unauthorized()
    {
        var claims = ClaimsJson();
        claims.Remove("serviceurl");

        await AssertUnauthorized(Mint(new SigningCredentials(identity.EndorsedKey, SecurityAlgorithms.RsaSha256), claims));
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKid_RefreshesKeysOnceAndAcceptsRotatedKey()
    {
        var authenticator = Authenticator();
        Assert.IsType<BotFrameworkAuthResult.Authenticated>(await authenticator.AuthenticateAsync(Bearer(ChannelToken()), ServiceUrl, "msteams"));
        Assert.Equal(1, identity.ChannelKeyFetches);

        identity.PublishLateKey();
        var rotated = await authenticator.AuthenticateAsync(Bearer(ChannelToken(key: identity.LateKey)), ServiceUrl, "msteams");

        Assert.IsType<BotFrameworkAuthResult.Authenticated>(rotated);
        Assert.Equal(2, identity.ChannelKeyFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKidTwiceWithinAnHour_RefreshesAtMostOnce()
    {
        var authenticator = Authenticator();
        var stranger = new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "nobody-knows" };

        var first = await authenticator.AuthenticateAsync(Bearer(ChannelToken(key: stranger)), ServiceUrl, "msteams");
        Assert.IsType<BotFrameworkAuthResult.Unauthorized>(first);
        Assert.Equal(2, identity.ChannelKeyFetches); // the first load, then one refresh for the unknown kid

        identity.PublishLateKey();
        time.Advance(TimeSpan.FromMinutes(30));
        var second = await authenticator.AuthenticateAsync(Bearer(ChannelToken(key: identity.LateKey)), ServiceUrl, "msteams");
        var third = await authenticator.AuthenticateAsync(Bearer(ChannelToken(key: stranger)), ServiceUrl, "msteams");

        Assert.IsType<BotFrameworkAuthResult.Unauthorized>(second); // the late key is not seen before the next allowed refresh
        Assert.IsType<BotFrameworkAuthResult.Unauthorized>(third);
        Assert.Equal(2, identity.ChannelKeyFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataUnreachable_Unauthorized()
    {
        var options = new BotFrameworkAuthOptions
        {
            AppId = AppId,
            ChannelMetadataUrl = new Uri(identity.BaseUrl, "missing/.well-known/openidconfiguration"),
            EmulatorMetadataUrl = identity.EmulatorMetadataUrl,
            TimeProvider = time,
        };
        var authenticator = new BotFrameworkAuthenticator(options, http, logs.For<BotFrameworkAuthenticator>());

        var result = await authenticator.AuthenticateAsync(Bearer(ChannelToken()), ServiceUrl, "msteams");

        Assert.Equal("The signing keys could not be retrieved.", Assert.IsType<BotFrameworkAuthResult.Unauthorized>(result).Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_Authenticated_IdentityHoldsNoRawToken()
    {
        var ok = Assert.IsType<BotFrameworkAuthResult.Authenticated>(await Authenticator().AuthenticateAsync(Bearer(ChannelToken()), ServiceUrl, "msteams"));

        Assert.Null(ok.Identity.BootstrapContext);
    }

    [Fact]
    public async Task AuthenticateAsync_MissingHeaderWithAppId_Unauthorized()
    {
        var result = await Authenticator(allowUnauthenticated: true).AuthenticateAsync(null, ServiceUrl, "msteams");

        Assert.IsType<BotFrameworkAuthResult.Unauthorized>(result);
    }

    [Fact]
    public async Task AuthenticateAsync_MissingHeaderNoAppIdAllowUnauthenticated_Anonymous()
    {
        var result = await Authenticator(appId: "", allowUnauthenticated: true).AuthenticateAsync(null, "http://localhost:56150/_connector", "msteams");

        Assert.IsType<BotFrameworkAuthResult.Anonymous>(result);
    }

    [Fact]
    public async Task AuthenticateAsync_MissingHeaderNoAppIdNotAllowed_Unauthorized()
    {
        var result = await Authenticator(appId: "").AuthenticateAsync("", ServiceUrl, "msteams");

        Assert.IsType<BotFrameworkAuthResult.Unauthorized>(result);
    }

    [Fact]
    public async Task AuthenticateAsync_NotBearerScheme_Unauthorized()
    {
        var result = await Authenticator().AuthenticateAsync("Basic " + ChannelToken(), ServiceUrl, "msteams");

        Assert.IsType<BotFrameworkAuthResult.Unauthorized>(result);
    }

    [Fact]
    public async Task AuthenticateAsync_GarbageToken_Unauthorized()
    {
        await AssertUnauthorized("not-a-jwt");
    }

    [Fact]
    public async Task AuthenticateAsync_EmulatorTokenV2WithAzp_Authenticated()
    {
        var token = EmulatorToken(BotFrameworkTenantIssuerV2, "2.0", "azp", AppId);

        var result = await Authenticator().AuthenticateAsync(Bearer(token), "http://localhost:56150/_connector", "emulator");

        var ok = Assert.IsType<BotFrameworkAuthResult.Authenticated>(result);
        Assert.Equal(BotFrameworkTokenKind.Emulator, ok.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_EmulatorTokenV1WithAppid_Authenticated()
    {
        var token = EmulatorToken(BotFrameworkTenantIssuerV1, "1.0", "appid", AppId);

        Assert.IsType<BotFrameworkAuthResult.Authenticated>(await Authenticator().AuthenticateAsync(Bearer(token), ServiceUrl, "msteams"));
    }

    [Fact]
    public async Task AuthenticateAsync_EmulatorTokenForAnotherApp_Unauthorized()
    {
        await AssertUnauthorized(EmulatorToken(BotFrameworkTenantIssuerV2, "2.0", "azp", "someone-else"));
    }

    [Fact]
    public async Task AuthenticateAsync_EmulatorTokenSignedWithChannelKey_Unauthorized()
    {
        await AssertUnauthorized(EmulatorToken(BotFrameworkTenantIssuerV2, "2.0", "azp", AppId, identity.EndorsedKey));
    }

    [Fact]
    public async Task AuthenticateAsync_SingleTenantIssuerWithoutTenantConfigured_Unauthorized()
    {
        await AssertUnauthorized(EmulatorToken($"https://login.microsoftonline.com/{TenantId}/v2.0", "2.0", "azp", AppId));
    }

    [Fact]
    public async Task AuthenticateAsync_SingleTenantIssuerWithTenantConfigured_Authenticated()
    {
        var authenticator = Authenticator(tenantId: TenantId);

        var v2 = await authenticator.AuthenticateAsync(Bearer(EmulatorToken($"https://login.microsoftonline.com/{TenantId}/v2.0", "2.0", "azp", AppId)), ServiceUrl, "msteams");
        var v1 = await authenticator.AuthenticateAsync(Bearer(EmulatorToken($"https://sts.windows.net/{TenantId}/", "1.0", "appid", AppId)), ServiceUrl, "msteams");

        Assert.IsType<BotFrameworkAuthResult.Authenticated>(v2);
        Assert.IsType<BotFrameworkAuthResult.Authenticated>(v1);
    }

    [Fact]
    public async Task AuthenticateAsync_Refusals_NeverLogOrReturnTheToken()
    {
        var authenticator = Authenticator();
        var tokens = new[] { ChannelToken(audience: "x"), ChannelToken(key: identity.PlainKey), ChannelToken(expires: time.GetUtcNow().AddHours(-1)) };

        foreach (var token in tokens)
        {
            var result = await authenticator.AuthenticateAsync(Bearer(token), ServiceUrl, "msteams");
            var reason = result switch
            {
                BotFrameworkAuthResult.Unauthorized u => u.Reason,
                BotFrameworkAuthResult.Forbidden f => f.Reason,
                _ => throw new Xunit.Sdk.XunitException("expected a refusal"),
            };
            var signature = token.Split('.')[2];
            var payload = token.Split('.')[1];
            Assert.DoesNotContain(payload, reason, StringComparison.Ordinal);
            Assert.DoesNotContain(payload, logs.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain(signature, logs.AllText, StringComparison.Ordinal);
        }
        Assert.NotEmpty(logs.Lines);
    }

    // ---------- helpers ----------

    private BotFrameworkAuthenticator Authenticator(string appId = AppId, string? tenantId = null, bool allowUnauthenticated = false) =>
        new(
            new BotFrameworkAuthOptions
            {
                AppId = appId,
                TenantId = tenantId,
                AllowUnauthenticated = allowUnauthenticated,
                ChannelMetadataUrl = identity.ChannelMetadataUrl,
                EmulatorMetadataUrl = identity.EmulatorMetadataUrl,
                TimeProvider = time,
            },
            http,
            logs.For<BotFrameworkAuthenticator>());

    private async Task<string> AssertUnauthorized(string token)
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(token), ServiceUrl, "msteams");
        return Assert.IsType<BotFrameworkAuthResult.Unauthorized>(result).Reason;
    }

    private static string Bearer(string token) => "Bearer " + token;

    private JsonObject ClaimsJson(string issuer = BotFrameworkAuthenticator.ChannelIssuer, string audience = AppId, DateTimeOffset? notBefore = null, DateTimeOffset? expires = null)
    {
        var now = time.GetUtcNow();
        return new JsonObject
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["serviceurl"] = ServiceUrl,
            ["iat"] = (notBefore ?? now.AddMinutes(-1)).ToUnixTimeSeconds(),
            ["nbf"] = (notBefore ?? now.AddMinutes(-1)).ToUnixTimeSeconds(),
            ["exp"] = (expires ?? now.AddHours(1)).ToUnixTimeSeconds(),
        };
    }

    private string ChannelToken(string issuer = BotFrameworkAuthenticator.ChannelIssuer, string audience = AppId, DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, RsaSecurityKey? key = null) =>
        Mint(new SigningCredentials(key ?? identity.EndorsedKey, SecurityAlgorithms.RsaSha256), ClaimsJson(issuer, audience, notBefore, expires));

    private string EmulatorToken(string issuer, string version, string appIdClaim, string appId, RsaSecurityKey? key = null)
    {
        var claims = ClaimsJson(issuer);
        claims.Remove("serviceurl");
        claims["ver"] = version;
        claims[appIdClaim] = appId;
        return Mint(new SigningCredentials(key ?? identity.EntraKey, SecurityAlgorithms.RsaSha256), claims);
    }

    private string Mint(SigningCredentials credentials, JsonObject? claims = null)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken((claims ?? ClaimsJson()).ToJsonString(), credentials);
    }
}

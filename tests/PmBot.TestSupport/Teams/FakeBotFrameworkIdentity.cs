using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace PmBot.TestSupport.Teams;

/// <summary>
/// A loopback stand-in for login.botframework.com and the Entra metadata: OpenID metadata plus a JWKS each.
/// Channel keys: <see cref="EndorsedKey"/> (endorsements ["msteams"]), <see cref="PlainKey"/> (no endorsements), and
/// <see cref="LateKey"/> once <see cref="PublishLateKey"/> is called. Entra keys: <see cref="EntraKey"/>.
/// </summary>
public sealed class FakeBotFrameworkIdentity : IAsyncDisposable
{
    private readonly WebApplication app;
    private int channelKeyFetches;
    private volatile bool lateKeyPublished;

    private FakeBotFrameworkIdentity(WebApplication app) => this.app = app;

    public RsaSecurityKey EndorsedKey { get; } = NewKey("channel-endorsed");

    public RsaSecurityKey PlainKey { get; } = NewKey("channel-plain");

    public RsaSecurityKey LateKey { get; } = NewKey("channel-late");

    public RsaSecurityKey EntraKey { get; } = NewKey("entra-key");

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ChannelMetadataUrl => new(BaseUrl, "channel/.well-known/openidconfiguration");

    public Uri EmulatorMetadataUrl => new(BaseUrl, "entra/.well-known/openid-configuration");

    public int ChannelKeyFetches => Volatile.Read(ref channelKeyFetches);

    public void PublishLateKey() => lateKeyPublished = true;

    public static async Task<FakeBotFrameworkIdentity> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotFrameworkIdentity(app);
        app.MapGet("/channel/.well-known/openidconfiguration", () => Metadata(fake.BaseUrl, "https://api.botframework.com", "channel/keys"));
        app.MapGet("/channel/keys", () =>
        {
            Interlocked.Increment(ref fake.channelKeyFetches);
            var keys = new List<object> { Jwk(fake.EndorsedKey, ["msteams"]), Jwk(fake.PlainKey, null) };
            if (fake.lateKeyPublished)
                keys.Add(Jwk(fake.LateKey, ["msteams"]));
            return Results.Json(new { keys });
        });
        app.MapGet("/entra/.well-known/openid-configuration", () => Metadata(fake.BaseUrl, "https://login.microsoftonline.com/{tenantid}/v2.0", "entra/keys"));
        app.MapGet("/entra/keys", () => Results.Json(new { keys = new[] { Jwk(fake.EntraKey, null) } }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>A channel token as the Bot Connector service mints it (signed with the endorsed key), valid for an hour.</summary>
    public string MintChannelToken(string appId, string serviceUrl, DateTimeOffset now)
    {
        var claims = new System.Text.Json.Nodes.JsonObject
        {
            ["iss"] = "https://api.botframework.com",
            ["aud"] = appId,
            ["serviceurl"] = serviceUrl,
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(claims.ToJsonString(), new SigningCredentials(EndorsedKey, SecurityAlgorithms.RsaSha256));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static IResult Metadata(Uri baseUrl, string issuer, string jwksPath) =>
        Results.Json(new
        {
            issuer,
            authorization_endpoint = new Uri(baseUrl, "authorize").AbsoluteUri,
            jwks_uri = new Uri(baseUrl, jwksPath).AbsoluteUri,
            id_token_signing_alg_values_supported = new[] { "RS256" },
        });

    private static Dictionary<string, object> Jwk(RsaSecurityKey key, string[]? endorsements)
    {
        var p = key.Rsa.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (endorsements is not null)
            jwk["endorsements"] = endorsements;
        return jwk;
    }

    private static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    public static string ToJson(object value) => JsonSerializer.Serialize(value);
}

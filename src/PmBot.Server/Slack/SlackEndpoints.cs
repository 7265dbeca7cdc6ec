using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using PmBot.Channels.Slack;
using PmBot.Core.Localization;

namespace PmBot.Server.Slack;

/// <summary>
/// Slack's HTTP endpoints. Every request is verified (v0 HMAC over the raw body, ±5 minutes) before anything
/// else; a failure is a bare 401 and a log line naming only the reason. Unreadable bodies are a 400, never a 500.
/// </summary>
public static partial class SlackEndpoints
{
    private const string StateCookie = "pmbot_slack_state";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/api/slack");
        slack.MapPost("/commands", CommandsAsync);
        slack.MapPost("/events", EventsAsync);
        slack.MapPost("/interactions", InteractionsAsync);
        slack.MapGet("/install", Install);
        slack.MapGet("/oauth/callback", CallbackAsync);
        return app;
    }

    private static Task<IResult> CommandsAsync(HttpContext http, SlackAppOptions options, SlackRequestHandler handler, TimeProvider time, ILogger<SlackRequestHandlerLog> log) =>
        VerifyParseHandleAsync(http, options, time, log, allowSslCheck: true, SlackInboundParser.ParseSlashCommand, handler.HandleCommandAsync);

    private static Task<IResult> EventsAsync(HttpContext http, SlackAppOptions options, SlackRequestHandler handler, TimeProvider time, ILogger<SlackRequestHandlerLog> log) =>
        VerifyParseHandleAsync(http, options, time, log, allowSslCheck: false, body => SlackInboundParser.ParseEvent(body), handler.HandleEventAsync);

    private static Task<IResult> InteractionsAsync(HttpContext http, SlackAppOptions options, SlackRequestHandler handler, TimeProvider time, ILogger<SlackRequestHandlerLog> log) =>
        VerifyParseHandleAsync(http, options, time, log, allowSslCheck: false, SlackInboundParser.ParseInteractionForm, handler.HandleInteractionAsync);

    /// <summary>Every Slack endpoint: verify the signature, parse the body (400 when unreadable), handle, ack.</summary>
    private static async Task<IResult> VerifyParseHandleAsync<T>(HttpContext http, SlackAppOptions options, TimeProvider time, ILogger log, bool allowSslCheck,
        Func<string, T> parse, Func<T, CancellationToken, Task<JsonObject?>> handle)
    {
        var (body, refused) = await VerifiedBodyAsync(http, options, time, log, allowSslCheck);
        if (body is null)
            return refused!;
        T request;
        try
        {
            request = parse(body);
        }
        catch (SlackPayloadException ex)
        {
            LogBadPayload(log, ex.Message);
            return Results.BadRequest();
        }
        var ack = await handle(request, http.RequestAborted);
        return ack is null ? Results.Ok() : Results.Text(ack.ToJsonString(), "application/json; charset=utf-8");
    }

    /// <summary>Starts an OAuth v2 install: a state bound to this browser by a protected, expiring cookie.</summary>
    private static IResult Install(HttpContext http, SlackAppOptions options, IDataProtectionProvider protection, TimeProvider time)
    {
        var t = Localizer.For(http.Request.Headers.AcceptLanguage.ToString().Split(',')[0]);
        if (!options.OAuthEnabled)
            return Results.Text(t["slack.install_failed", "PmBot:Slack:ClientId / ClientSecret are not configured"], "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        var state = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var cookie = protection.CreateProtector("PmBot.Slack.OAuthState").ToTimeLimitedDataProtector().Protect(state, time.GetUtcNow() + StateLifetime);
        http.Response.Cookies.Append(StateCookie, cookie, new CookieOptions { HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = StateLifetime, Path = "/api/slack" });
        var scopes = string.Join(',', SlackApiMethods.BotScopes.Values.SelectMany(s => s).Append("commands").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var query = $"client_id={Uri.EscapeDataString(options.ClientId!)}&scope={Uri.EscapeDataString(scopes)}&state={state}&redirect_uri={Uri.EscapeDataString(RedirectUri(http, options))}";
        return Results.Redirect(new UriBuilder(options.AuthorizeUrl) { Query = query }.Uri.ToString());
    }

    private static async Task<IResult> CallbackAsync(HttpContext http, SlackAppOptions options, IDataProtectionProvider protection, SlackWebApiClient client, SlackTokenStore store, TimeProvider time, ILogger<SlackRequestHandlerLog> log)
    {
        var t = Localizer.For(http.Request.Headers.AcceptLanguage.ToString().Split(',')[0]);
        IResult Fail(string why) => Results.Text(t["slack.install_failed", why], "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        if (!options.OAuthEnabled)
            return Fail("not configured");
        if (http.Request.Query["error"].ToString() is { Length: > 0 } denied)
            return Fail(denied);
        var state = http.Request.Query["state"].ToString();
        var code = http.Request.Query["code"].ToString();
        if (code.Length == 0 || state.Length == 0 || !http.Request.Cookies.TryGetValue(StateCookie, out var cookie))
            return Fail("missing code or state");
        string expected;
        try
        {
            expected = protection.CreateProtector("PmBot.Slack.OAuthState").ToTimeLimitedDataProtector().Unprotect(cookie, out var expires);
            if (expires < time.GetUtcNow())
                return Fail("the install link expired; start again");
        }
        catch (CryptographicException)
        {
            return Fail("the install link expired; start again");
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(state)))
            return Fail("state mismatch");
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/api/slack" });
        try
        {
            var access = await client.ExchangeOAuthCodeAsync(options.ClientId!, options.ClientSecret!, code, RedirectUri(http, options), http.RequestAborted);
            var workspace = await store.InstallAsync(access, http.RequestAborted);
            LogInstalled(log, workspace.ExternalId);
            return Results.Text(t["slack.installed", workspace.Name], "text/plain; charset=utf-8");
        }
        catch (SlackApiException ex)
        {
            return Fail(ex.Error);
        }
    }

    private static string RedirectUri(HttpContext http, SlackAppOptions options) =>
        new Uri(options.PublicBaseUrl ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}"), "/api/slack/oauth/callback").ToString();

    /// <summary>Reads the raw body and checks Slack's signature. Returns the body, or the refusal to answer with.</summary>
    private static async Task<(string? Body, IResult? Refused)> VerifiedBodyAsync(HttpContext http, SlackAppOptions options, TimeProvider time, ILogger log, bool allowSslCheck)
    {
        if (string.IsNullOrEmpty(options.SigningSecret))
            return (null, Results.NotFound());
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var raw = buffer.ToArray();
        var body = Encoding.UTF8.GetString(raw);
        // Slack's certificate check posts "ssl_check=1" unsigned; it needs only a 200.
        if (allowSslCheck && body.Contains("ssl_check=1", StringComparison.Ordinal) && !body.Contains("command=", StringComparison.Ordinal))
            return (null, Results.Ok());
        var verdict = new SlackSignature(options.SigningSecret, time).Verify(
            http.Request.Headers[SlackSignature.TimestampHeader].ToString(), http.Request.Headers[SlackSignature.SignatureHeader].ToString(), raw);
        if (verdict != SlackSignatureResult.Valid)
        {
            LogRefused(log, http.Request.Path, verdict);
            return (null, Results.Unauthorized());
        }
        return (body, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Slack request to {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, PathString path, SlackSignatureResult reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable Slack payload: {Reason}")]
    private static partial void LogBadPayload(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack workspace {Workspace} installed PmBot")]
    private static partial void LogInstalled(ILogger logger, string workspace);
}

/// <summary>Log category of the Slack endpoints.</summary>
public sealed class SlackRequestHandlerLog;

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PmBot.TestSupport.Teams;

/// <summary>A request the fake received: method, raw (still percent-encoded) target, Authorization header and body.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body)
{
    public JsonNode? Json => string.IsNullOrEmpty(Body) || Body[0] is not ('{' or '[') ? null : JsonNode.Parse(Body);
}

/// <summary>A scripted answer: status, optional Retry-After seconds, optional body.</summary>
public sealed record ScriptedAnswer(int Status, int? RetryAfterSeconds = null, string? Body = null);

/// <summary>
/// A loopback Bot Connector and Entra token endpoint on Kestrel. Records every request; answers from a queue of
/// scripted answers first, then with success: <c>{"id":"activity-N"}</c> for activities, a 1:1 conversation id for
/// create, <c>{"access_token":"token-N","expires_in":3600}</c> for <c>…/oauth2/v2.0/token</c>.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    public const string CreatedConversationId = "a:1Xy_created;messageid=1@unq.gbl.spaces";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedAnswer> _script = new();
    private int _tokens;
    private int _activities;

    private FakeBotConnector(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public IReadOnlyList<RecordedRequest> ConnectorRequests => [.. Requests.Where(r => !r.RawTarget.Contains("/oauth2/", StringComparison.Ordinal))];

    public IReadOnlyList<RecordedRequest> TokenRequests => [.. Requests.Where(r => r.RawTarget.Contains("/oauth2/", StringComparison.Ordinal))];

    /// <summary>Answers the next connector (non-token) requests with these, in order.</summary>
    public void Enqueue(params ScriptedAnswer[] answers)
    {
        foreach (var answer in answers)
            _script.Enqueue(answer);
    }

    public static async Task<FakeBotConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotConnector(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new RecordedRequest(context.Request.Method, raw, context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, body));

        if (raw.Contains("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            var n = Interlocked.Increment(ref _tokens);
            await context.Response.WriteAsJsonAsync(new { token_type = "Bearer", expires_in = 3600, access_token = $"token-{n}" });
            return;
        }
        if (_script.TryDequeue(out var answer))
        {
            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfterSeconds is { } seconds)
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (answer.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(answer.Body);
            }
            return;
        }
        if (context.Request.Method == "POST" && raw.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new { id = CreatedConversationId });
            return;
        }
        if (context.Request.Method == "GET" && raw.EndsWith("/members", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new[] { new { id = "29:user-1", name = "Ada", aadObjectId = "00000000-0000-0000-0000-000000000001" } });
            return;
        }
        if (context.Request.Method == "DELETE")
            return;
        await context.Response.WriteAsJsonAsync(new { id = $"activity-{Interlocked.Increment(ref _activities)}" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PmBot.Channels.Slack;

namespace PmBot.TestSupport.Slack;

/// <summary>One request the fake received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string ContentType, string Body, long ReceivedAtMs)
{
    /// <summary>When it arrived, on the system clock (for punctuality measurements).</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>True when the fake answered it 429 because of <see cref="FakeSlackServer.PostLimits"/>.</summary>
    public bool RateLimited { get; set; }

    public string? Authorization => Headers.TryGetValue("Authorization", out var a) ? a : null;

    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public IReadOnlyDictionary<string, string> Form => Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.Length > 1 ? p[1] : ""));
}

/// <summary>A message the fake chat.postMessage accepted (or the message a completed upload shared).</summary>
public sealed record FakePostedMessage(string Channel, string Ts, string Text, JsonArray? Blocks, JsonObject? Metadata)
{
    /// <summary>The names of the files shared with the message.</summary>
    public IReadOnlyList<string> FileNames { get; init; } = [];
}

/// <summary>A file uploaded through files.getUploadURLExternal and the upload URL, and where completeUploadExternal shared it.</summary>
public sealed record FakeUploadedFile(string Id, string FileName, int DeclaredLength, string? AltText)
{
    public byte[]? Bytes { get; set; }
    public string? Title { get; set; }
    public string? Channel { get; set; }
    public string? ThreadTs { get; set; }
    public string? InitialComment { get; set; }
}

/// <summary>What the fake does with one scripted call.</summary>
public sealed record FakeResponse
{
    public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;
    public int? RetryAfterSeconds { get; init; }
    public string? Error { get; init; }
    public string? Warning { get; init; }
    public TimeSpan Delay { get; init; }

    /// <summary>Handle the call as usual (e.g. store the post) before answering with <see cref="Status"/> or the delay: a lost response.</summary>
    public bool ProcessFirst { get; init; }

    public static FakeResponse RateLimited(int retryAfterSeconds) => new() { Status = HttpStatusCode.TooManyRequests, RetryAfterSeconds = retryAfterSeconds };
    public static FakeResponse ServerError() => new() { Status = HttpStatusCode.InternalServerError };
    public static FakeResponse Slow(TimeSpan delay) => new() { Delay = delay };
    public static FakeResponse Fail(string error, string? warning = null) => new() { Error = error, Warning = warning };
    public static FakeResponse ProcessedThenServerError() => new() { Status = HttpStatusCode.InternalServerError, ProcessFirst = true };
    public static FakeResponse ProcessedThenSlow(TimeSpan delay) => new() { Delay = delay, ProcessFirst = true };
}

/// <summary>
/// A loopback fake of Slack's Web API (and Socket Mode WebSocket) on Kestrel. Records every request, can be
/// scripted per method (429 with Retry-After, 500, delays, ok:false, a processed call whose response is lost), and
/// keeps posted messages with their metadata so conversations.history can answer from them.
/// </summary>
public sealed class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> _scripts = new(StringComparer.Ordinal);
    private readonly List<FakePostedMessage> _posted = [];
    private readonly Lock _gate = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, FakeUploadedFile> _files = new(StringComparer.Ordinal);
    private long _tsCounter;
    private int _fileCounter;
    private int _socketConnections;

    private FakeSlackServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri ApiBase => new(BaseAddress, "api/");

    /// <summary>The moment new posts are stamped with (their ts), and that history's <c>oldest</c> is compared with.</summary>
    public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Decides a response from the request when no per-method script is queued (e.g. by token). Null: the default.</summary>
    public Func<RecordedRequest, FakeResponse?>? Responder { get; set; }

    /// <summary>Runs one Socket Mode connection (the connection's number from 1, the socket, a token ending with the server).</summary>
    public Func<int, WebSocket, CancellationToken, Task>? SocketSession { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> RequestsFor(string method) => [.. _requests.Where(r => r.Method == method)];

    public IReadOnlyList<FakePostedMessage> Posted
    {
        get
        {
            lock (_gate)
                return [.. _posted];
        }
    }

    public Dictionary<string, JsonObject> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Rate limits the fake enforces on chat.postMessage, like Slack (about one message a second per channel with short
    /// bursts, plus a workspace-wide rate): beyond them it answers 429 with <c>Retry-After</c>. Null: no limits.
    /// </summary>
    public FakeRateLimits? PostLimits { get; set; }

    public byte[]? LastUpload { get; private set; }

    /// <summary>Every file a ticket was asked for, in the order asked; shared ones have their channel.</summary>
    public IReadOnlyList<FakeUploadedFile> Files => [.. _files.Values.OrderBy(f => int.Parse(f.Id[1..], CultureInfo.InvariantCulture))];

    public static async Task<FakeSlackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackServer(app);
        app.UseWebSockets();
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Queues responses for the next calls of <paramref name="method"/>, in order; later calls get the default.</summary>
    public void Script(string method, params FakeResponse[] responses)
    {
        var queue = _scripts.GetOrAdd(method, _ => new ConcurrentQueue<FakeResponse>());
        foreach (var r in responses)
            queue.Enqueue(r);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        if (path == "/socket")
        {
            await HandleSocketAsync(http);
            return;
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var raw = buffer.ToArray();
        var body = Encoding.UTF8.GetString(raw);
        var method = path.StartsWith("/api/", StringComparison.Ordinal) ? path["/api/".Length..] : path.StartsWith("/upload/", StringComparison.Ordinal) ? "upload" : path;
        var request = new RecordedRequest(method, path,
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            http.Request.ContentType ?? "", body, _clock.ElapsedMilliseconds) { ReceivedAt = TimeProvider.System.GetUtcNow() };
        _requests.Enqueue(request);

        var script = _scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var next) ? next : Responder?.Invoke(request);
        if (script is null && method == "chat.postMessage" && PostLimits is { } limits
            && limits.Take((string?)request.Json["channel"] ?? "", _clock.Elapsed) is { } wait)
        {
            request.RateLimited = true;
            script = FakeResponse.RateLimited((int)Math.Ceiling(wait.TotalSeconds));
        }
        JsonObject? result = null;
        if (method == "upload")
            LastUpload = raw;
        if (script is null || script.ProcessFirst)
            result = Process(request, raw);
        if (script is not null)
        {
            if (script.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(script.Delay, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            if (script.Status != HttpStatusCode.OK)
            {
                http.Response.StatusCode = (int)script.Status;
                if (script.RetryAfterSeconds is { } s)
                    http.Response.Headers.RetryAfter = s.ToString(CultureInfo.InvariantCulture);
                await http.Response.WriteAsync("{\"ok\":false,\"error\":\"http\"}");
                return;
            }
            if (script.Error is not null)
            {
                var failure = new JsonObject { ["ok"] = false, ["error"] = script.Error };
                if (script.Warning is not null)
                    failure["warning"] = script.Warning;
                await WriteJsonAsync(http, failure);
                return;
            }
            result ??= Process(request, raw);
        }
        await WriteJsonAsync(http, result!);
    }

    private static Task WriteJsonAsync(HttpContext http, JsonObject body)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(body.ToJsonString());
    }

    private JsonObject Process(RecordedRequest request, byte[] raw)
    {
        switch (request.Method)
        {
            case "chat.postMessage":
            {
                var body = request.Json;
                var channel = (string)body["channel"]!;
                var ts = NextTs();
                lock (_gate)
                    _posted.Add(new FakePostedMessage(channel, ts, (string?)body["text"] ?? "", body["blocks"]?.DeepClone().AsArray(), body["metadata"]?.DeepClone().AsObject()));
                return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts };
            }
            case "chat.update":
                return new JsonObject { ["ok"] = true, ["channel"] = request.Json["channel"]?.DeepClone(), ["ts"] = request.Json["ts"]?.DeepClone() };
            case "chat.postEphemeral":
                return new JsonObject { ["ok"] = true, ["message_ts"] = NextTs() };
            case "views.open" or "views.update" or "views.publish":
                return new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V" + Interlocked.Increment(ref _tsCounter), ["hash"] = "h1" } };
            case "users.info":
            {
                var id = request.Form["user"];
                var user = Users.TryGetValue(id, out var u) ? (JsonObject)u.DeepClone() : null;
                return user is null
                    ? new JsonObject { ["ok"] = false, ["error"] = "user_not_found" }
                    : new JsonObject { ["ok"] = true, ["user"] = user };
            }
            case "conversations.open":
                return new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + (string)request.Json["users"]! } };
            case "conversations.history":
                return History(request.Form);
            case "files.getUploadURLExternal":
            {
                var form = request.Form;
                if (!form.TryGetValue("filename", out var name) || !form.TryGetValue("length", out var length) || !int.TryParse(length, out var declared) || declared <= 0)
                    return new JsonObject { ["ok"] = false, ["error"] = "missing_argument" };
                var id = "F" + Interlocked.Increment(ref _fileCounter).ToString(CultureInfo.InvariantCulture);
                _files[id] = new FakeUploadedFile(id, name, declared, form.GetValueOrDefault("alt_txt"));
                return new JsonObject { ["ok"] = true, ["upload_url"] = new Uri(BaseAddress, "upload/" + id).ToString(), ["file_id"] = id };
            }
            case "upload":
            {
                if (!_files.TryGetValue(request.Path["/upload/".Length..], out var file) || file.DeclaredLength != raw.Length)
                    return new JsonObject { ["ok"] = false, ["error"] = "upload_failed" };
                file.Bytes = raw;
                return new JsonObject { ["ok"] = true };
            }
            case "files.completeUploadExternal":
                return CompleteUpload(request.Form);
            case "oauth.v2.access":
                return request.Form.TryGetValue("client_secret", out var secret) && secret == "s3cret"
                    ? new JsonObject
                    {
                        ["ok"] = true, ["access_token"] = "xoxb-installed", ["token_type"] = "bot", ["scope"] = "chat:write", ["bot_user_id"] = "UBOT",
                        ["app_id"] = "A1", ["team"] = new JsonObject { ["id"] = "T1", ["name"] = "Acme" }, ["enterprise"] = null,
                        ["authed_user"] = new JsonObject { ["id"] = "U1" }, ["is_enterprise_install"] = false,
                    }
                    : new JsonObject { ["ok"] = false, ["error"] = "invalid_client_id" };
            case "apps.connections.open":
                if (request.Authorization?.StartsWith("Bearer xapp-", StringComparison.Ordinal) != true)
                    return new JsonObject { ["ok"] = false, ["error"] = "not_allowed_token_type" };
                var wsBase = new UriBuilder(BaseAddress) { Scheme = "ws", Path = "/socket" };
                return new JsonObject { ["ok"] = true, ["url"] = wsBase.Uri.ToString() };
            default:
                return new JsonObject { ["ok"] = false, ["error"] = "unknown_method" };
        }
    }

    /// <summary>Shares uploaded files into <c>channel_id</c> as one message (which history then shows with the files' names).</summary>
    private JsonObject CompleteUpload(IReadOnlyDictionary<string, string> form)
    {
        var entries = JsonNode.Parse(form["files"])!.AsArray().OfType<JsonObject>().ToList();
        var files = new List<FakeUploadedFile>();
        foreach (var entry in entries)
        {
            if (!_files.TryGetValue((string?)entry["id"] ?? "", out var file) || file.Bytes is null)
                return new JsonObject { ["ok"] = false, ["error"] = "file_not_found" };
            file.Title = (string?)entry["title"];
            files.Add(file);
        }
        if (form.TryGetValue("channel_id", out var channel))
        {
            foreach (var file in files)
            {
                file.Channel = channel;
                file.ThreadTs = form.GetValueOrDefault("thread_ts");
                file.InitialComment = form.GetValueOrDefault("initial_comment");
            }
            lock (_gate)
                _posted.Add(new FakePostedMessage(channel, NextTs(), form.GetValueOrDefault("initial_comment") ?? "", null, null) { FileNames = [.. files.Select(f => f.FileName)] });
        }
        return new JsonObject { ["ok"] = true, ["files"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject { ["id"] = f.Id, ["title"] = f.Title })]) };
    }

    private JsonObject History(IReadOnlyDictionary<string, string> form)
    {
        var channel = form["channel"];
        var withMetadata = form.TryGetValue("include_all_metadata", out var m) && m == "true";
        var oldest = form.TryGetValue("oldest", out var o) ? decimal.Parse(o, CultureInfo.InvariantCulture) : 0m;
        var limit = form.TryGetValue("limit", out var l) ? int.Parse(l, CultureInfo.InvariantCulture) : 100;
        var offset = form.TryGetValue("cursor", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : 0;
        List<FakePostedMessage> all;
        lock (_gate)
            all = _posted.Where(p => p.Channel == channel && decimal.Parse(p.Ts, CultureInfo.InvariantCulture) >= oldest).Reverse().ToList();
        var page = all.Skip(offset).Take(limit).ToList();
        var messages = new JsonArray();
        foreach (var p in page)
        {
            var msg = new JsonObject { ["type"] = "message", ["ts"] = p.Ts, ["text"] = p.Text, ["bot_id"] = "B1" };
            if (withMetadata && p.Metadata is not null)
                msg["metadata"] = p.Metadata.DeepClone();
            if (p.FileNames.Count > 0)
                msg["files"] = new JsonArray([.. p.FileNames.Select(n => (JsonNode)new JsonObject { ["name"] = n })]);
            messages.Add(msg);
        }
        var hasMore = offset + page.Count < all.Count;
        return new JsonObject
        {
            ["ok"] = true,
            ["messages"] = messages,
            ["has_more"] = hasMore,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = hasMore ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : "" },
        };
    }

    private string NextTs() => SlackWebApiClient.ToSlackTs(Now + TimeSpan.FromTicks(10 * Interlocked.Increment(ref _tsCounter)));

    private async Task HandleSocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }
        var n = Interlocked.Increment(ref _socketConnections);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        if (SocketSession is { } session)
            await session(n, socket, http.RequestAborted);
    }
}

/// <summary>
/// Token buckets per channel and for the whole workspace, as the fake's chat.postMessage limits. Thread-safe.
/// </summary>
/// <param name="PerChannelPerSecond">Sustained posts a second into one channel (Slack: about 1).</param>
/// <param name="PerChannelBurst">Posts one channel takes at once.</param>
/// <param name="WorkspacePerSecond">Sustained posts a second across the workspace.</param>
/// <param name="WorkspaceBurst">Posts the workspace takes at once.</param>
public sealed record FakeRateLimits(double PerChannelPerSecond, int PerChannelBurst, double WorkspacePerSecond, int WorkspaceBurst)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (double Tokens, TimeSpan At)> _channels = new(StringComparer.Ordinal);
    private (double Tokens, TimeSpan At)? _workspace;

    /// <summary>Takes a token from both buckets; null when allowed, else how long until it would be.</summary>
    public TimeSpan? Take(string channel, TimeSpan now)
    {
        lock (_gate)
        {
            var c = Refill(_channels.TryGetValue(channel, out var ch) ? ch : (PerChannelBurst, now), now, PerChannelPerSecond, PerChannelBurst);
            var w = Refill(_workspace ?? (WorkspaceBurst, now), now, WorkspacePerSecond, WorkspaceBurst);
            if (c.Tokens < 1 || w.Tokens < 1)
            {
                _channels[channel] = c;
                _workspace = w;
                var waitChannel = c.Tokens < 1 ? (1 - c.Tokens) / PerChannelPerSecond : 0;
                var waitWorkspace = w.Tokens < 1 ? (1 - w.Tokens) / WorkspacePerSecond : 0;
                return TimeSpan.FromSeconds(Math.Max(waitChannel, waitWorkspace));
            }
            _channels[channel] = (c.Tokens - 1, now);
            _workspace = (w.Tokens - 1, now);
            return null;
        }
    }

    private static (double Tokens, TimeSpan At) Refill((double Tokens, TimeSpan At) bucket, TimeSpan now, double rate, int burst) =>
        (Math.Min(burst, bucket.Tokens + (now - bucket.At).TotalSeconds * rate), now);
}

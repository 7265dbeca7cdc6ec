using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace PmBot.Channels.Slack;

/// <summary>
/// A typed client of the Slack Web API methods PmBot uses. Each call carries its workspace's bearer token in the
/// Authorization header (never in a URL or a log) and runs through that workspace's resilience pipeline.
/// <c>ok:false</c> throws <see cref="SlackApiException"/>; an exhausted 429 throws <see cref="SlackRateLimitedException"/>;
/// 5xx, timeouts, network errors and an open circuit throw <see cref="SlackUnavailableException"/>.
/// </summary>
public sealed partial class SlackWebApiClient
{
    private const string OAuthWorkspaceKey = "-oauth";
    private const string AppWorkspaceKey = "-app";

    private readonly HttpClient _http;
    private readonly SlackWorkspaceResilience _resilience;
    private readonly IMemoryCache _cache;
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackWebApiClient> _log;

    public SlackWebApiClient(HttpClient http, SlackWorkspaceResilience resilience, IMemoryCache cache, IOptions<SlackOptions> options,
        TimeProvider time, ILogger<SlackWebApiClient> log)
    {
        _http = http;
        _resilience = resilience;
        _cache = cache;
        _options = options.Value;
        _time = time;
        _log = log;
        _http.BaseAddress ??= _options.ApiBaseAddress;
    }

    /// <summary>chat.postMessage. Never retried on 5xx/timeout (it may have been posted): the caller checks history first.</summary>
    public async Task<SlackPostedMessage> PostMessageAsync(SlackCredentials auth, string channel, string text, JsonArray? blocks = null,
        SlackMessageMetadata? metadata = null, string? threadTs = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text };
        if (blocks is not null)
            body["blocks"] = blocks.DeepClone();
        if (metadata is not null)
            body["metadata"] = metadata.ToJson();
        if (threadTs is not null)
            body["thread_ts"] = threadTs;
        var response = await CallJsonAsync(auth, SlackApiMethods.ChatPostMessage, body, cancellationToken);
        return new SlackPostedMessage(Str(response, "channel") ?? channel, Str(response, "ts") ?? "");
    }

    /// <summary>chat.update (idempotent: it sets the message to this content).</summary>
    public async Task<SlackPostedMessage> UpdateMessageAsync(SlackCredentials auth, string channel, string ts, string text, JsonArray? blocks = null,
        CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text };
        if (blocks is not null)
            body["blocks"] = blocks.DeepClone();
        var response = await CallJsonAsync(auth, SlackApiMethods.ChatUpdate, body, cancellationToken);
        return new SlackPostedMessage(Str(response, "channel") ?? channel, Str(response, "ts") ?? ts);
    }

    /// <summary>chat.postEphemeral: a message only <paramref name="user"/> sees. Returns its message_ts.</summary>
    public async Task<string> PostEphemeralAsync(SlackCredentials auth, string channel, string user, string text, JsonArray? blocks = null,
        string? threadTs = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text };
        if (blocks is not null)
            body["blocks"] = blocks.DeepClone();
        if (threadTs is not null)
            body["thread_ts"] = threadTs;
        var response = await CallJsonAsync(auth, SlackApiMethods.ChatPostEphemeral, body, cancellationToken);
        return Str(response, "message_ts") ?? "";
    }

    /// <summary>views.open with a trigger id (valid about 3 s, single use).</summary>
    public async Task<SlackView> OpenViewAsync(SlackCredentials auth, string triggerId, JsonObject view, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() };
        return ReadView(await CallJsonAsync(auth, SlackApiMethods.ViewsOpen, body, cancellationToken));
    }

    /// <summary>views.update of an open view; <paramref name="hash"/> guards against overwriting a newer state.</summary>
    public async Task<SlackView> UpdateViewAsync(SlackCredentials auth, string viewId, JsonObject view, string? hash = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["view_id"] = viewId, ["view"] = view.DeepClone() };
        if (hash is not null)
            body["hash"] = hash;
        return ReadView(await CallJsonAsync(auth, SlackApiMethods.ViewsUpdate, body, cancellationToken));
    }

    /// <summary>views.publish: sets a user's Home tab.</summary>
    public async Task<SlackView> PublishViewAsync(SlackCredentials auth, string userId, JsonObject view, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["user_id"] = userId, ["view"] = view.DeepClone() };
        return ReadView(await CallJsonAsync(auth, SlackApiMethods.ViewsPublish, body, cancellationToken));
    }

    /// <summary>users.info with the locale; cached per workspace and user for <see cref="SlackOptions.UserInfoCacheDuration"/>.</summary>
    public async Task<SlackUserInfo> GetUserInfoAsync(SlackCredentials auth, string userId, CancellationToken cancellationToken = default)
    {
        var cacheKey = (typeof(SlackUserInfo), auth.WorkspaceKey, userId);
        if (_cache.TryGetValue(cacheKey, out SlackUserInfo? cached) && cached is not null)
            return cached;
        var response = await CallFormAsync(auth, SlackApiMethods.UsersInfo,
            [new("user", userId), new("include_locale", "true")], cancellationToken);
        var user = response["user"] as JsonObject ?? throw new SlackApiException(SlackApiMethods.UsersInfo, "invalid_response", null);
        var profile = user["profile"] as JsonObject;
        var info = new SlackUserInfo(
            Str(user, "id") ?? userId,
            Str(user, "tz"),
            user["tz_offset"] is JsonValue offset && offset.TryGetValue(out int seconds) ? seconds : null,
            Str(user, "locale"),
            NullIfEmpty(Str(profile, "real_name")) ?? NullIfEmpty(Str(user, "real_name")),
            NullIfEmpty(Str(profile, "display_name")),
            Bool(user, "is_bot"),
            Bool(user, "deleted"));
        _cache.Set(cacheKey, info, _options.UserInfoCacheDuration);
        return info;
    }

    /// <summary>conversations.open for a user: the id of the DM with the bot (the same one every time).</summary>
    public async Task<string> OpenConversationAsync(SlackCredentials auth, string userId, CancellationToken cancellationToken = default)
    {
        var response = await CallJsonAsync(auth, SlackApiMethods.ConversationsOpen, new JsonObject { ["users"] = userId }, cancellationToken);
        return Str(response["channel"] as JsonObject, "id") ?? throw new SlackApiException(SlackApiMethods.ConversationsOpen, "invalid_response", null);
    }

    /// <summary>One page of conversations.history with message metadata, newest first.</summary>
    public async Task<SlackHistoryPage> GetHistoryAsync(SlackCredentials auth, string channel, DateTimeOffset? oldest = null, string? cursor = null,
        int limit = 200, CancellationToken cancellationToken = default)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("channel", channel),
            new("include_all_metadata", "true"),
            new("limit", limit.ToString(CultureInfo.InvariantCulture)),
        };
        if (oldest is { } o)
            form.Add(new("oldest", ToSlackTs(o)));
        if (!string.IsNullOrEmpty(cursor))
            form.Add(new("cursor", cursor));
        var response = await CallFormAsync(auth, SlackApiMethods.ConversationsHistory, form, cancellationToken);
        var messages = new List<SlackHistoryMessage>();
        if (response["messages"] is JsonArray array)
        {
            foreach (var item in array.OfType<JsonObject>())
            {
                SlackMessageMetadata? metadata = null;
                if (item["metadata"] is JsonObject m && Str(m, "event_type") is { } eventType)
                    metadata = new SlackMessageMetadata(eventType, m["event_payload"] as JsonObject is { } p ? (JsonObject)p.DeepClone() : []);
                var files = item["files"] is JsonArray shared ? shared.OfType<JsonObject>().Select(f => Str(f, "name")).OfType<string>().ToList() : [];
                messages.Add(new SlackHistoryMessage(Str(item, "ts") ?? "", Str(item, "text"), Str(item, "bot_id"), metadata) { FileNames = files });
            }
        }
        var next = NullIfEmpty(Str(response["response_metadata"] as JsonObject, "next_cursor"));
        return new SlackHistoryPage(messages, Bool(response, "has_more") ? next : null);
    }

    /// <summary>Recent history from <paramref name="oldest"/>, newest first, at most <see cref="SlackOptions.HistoryMaxPages"/> pages.</summary>
    public async Task<IReadOnlyList<SlackHistoryMessage>> GetRecentHistoryAsync(SlackCredentials auth, string channel, DateTimeOffset oldest,
        CancellationToken cancellationToken = default)
    {
        var found = new List<SlackHistoryMessage>();
        string? cursor = null;
        for (var page = 0; page < Math.Max(1, _options.HistoryMaxPages); page++)
        {
            var history = await GetHistoryAsync(auth, channel, oldest, cursor, 200, cancellationToken);
            found.AddRange(history.Messages);
            cursor = history.NextCursor;
            if (cursor is null)
                break;
        }
        return found;
    }

    /// <summary>True when <paramref name="message"/> was posted by the outbox for <paramref name="idempotencyKey"/>.</summary>
    public static bool IsOutboxPost(SlackHistoryMessage message, string idempotencyKey) =>
        message.Metadata is { EventType: SlackMessageMetadata.OutboxEventType } md && Str(md.EventPayload, "key") == idempotencyKey;

    /// <summary>
    /// Uploads a file into a conversation: files.getUploadURLExternal, the bytes to the returned URL, then
    /// files.completeUploadExternal. Returns the file id.
    /// </summary>
    public async Task<string> UploadFileAsync(SlackCredentials auth, string channel, SlackFileUpload file, string? initialComment = null,
        string? threadTs = null, CancellationToken cancellationToken = default)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("filename", file.FileName),
            new("length", file.Content.Length.ToString(CultureInfo.InvariantCulture)),
        };
        if (file.AltText is not null)
            form.Add(new("alt_txt", SlackText.Truncate(file.AltText, SlackLimits.FileAltText)));
        var ticket = await CallFormAsync(auth, SlackApiMethods.FilesGetUploadUrlExternal, form, cancellationToken);
        var uploadUrl = Str(ticket, "upload_url");
        var fileId = Str(ticket, "file_id");
        if (uploadUrl is null || fileId is null || !Uri.TryCreate(uploadUrl, UriKind.Absolute, out var uploadUri))
            throw new SlackApiException(SlackApiMethods.FilesGetUploadUrlExternal, "invalid_response", null);

        await UploadBytesAsync(auth, uploadUri, file, cancellationToken);

        var files = new JsonArray { new JsonObject { ["id"] = fileId, ["title"] = file.Title ?? file.FileName } };
        var complete = new List<KeyValuePair<string, string>>
        {
            new("files", files.ToJsonString()),
            new("channel_id", channel),
        };
        if (initialComment is not null)
            complete.Add(new("initial_comment", initialComment));
        if (threadTs is not null)
            complete.Add(new("thread_ts", threadTs));
        await CallFormAsync(auth, SlackApiMethods.FilesCompleteUploadExternal, complete, cancellationToken);
        return fileId;
    }

    /// <summary>oauth.v2.access: exchanges an install's code for the workspace's bot token.</summary>
    public async Task<SlackOAuthAccess> ExchangeOAuthCodeAsync(string clientId, string clientSecret, string code, string? redirectUri = null,
        CancellationToken cancellationToken = default)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("client_id", clientId),
            new("client_secret", clientSecret),
            new("code", code),
        };
        if (redirectUri is not null)
            form.Add(new("redirect_uri", redirectUri));
        var response = await CallAsync(null, OAuthWorkspaceKey, SlackApiMethods.OAuthV2Access,
            () => new FormUrlEncodedContent(form), cancellationToken);
        var team = response["team"] as JsonObject;
        return new SlackOAuthAccess(
            Str(response, "access_token") ?? throw new SlackApiException(SlackApiMethods.OAuthV2Access, "invalid_response", null),
            Str(response, "token_type"),
            Str(response, "scope"),
            Str(response, "bot_user_id"),
            Str(response, "app_id"),
            Str(team, "id") ?? "",
            Str(team, "name"),
            Str(response["enterprise"] as JsonObject, "id"),
            Str(response["authed_user"] as JsonObject, "id"),
            Bool(response, "is_enterprise_install"));
    }

    /// <summary>apps.connections.open with the app-level token: a one-time Socket Mode WebSocket URL.</summary>
    public async Task<Uri> OpenSocketModeConnectionAsync(string appLevelToken, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync(appLevelToken, AppWorkspaceKey, SlackApiMethods.AppsConnectionsOpen, () => null, cancellationToken);
        return Str(response, "url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : throw new SlackApiException(SlackApiMethods.AppsConnectionsOpen, "invalid_response", null);
    }

    /// <summary>A Slack message timestamp ("seconds.micros") for a moment.</summary>
    public static string ToSlackTs(DateTimeOffset moment)
    {
        var micros = (moment.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        return (micros / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (micros % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private Task<JsonObject> CallJsonAsync(SlackCredentials auth, string method, JsonObject body, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        return CallAsync(auth.Token, auth.WorkspaceKey, method, () => new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);
    }

    private Task<JsonObject> CallFormAsync(SlackCredentials auth, string method, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken) =>
        CallAsync(auth.Token, auth.WorkspaceKey, method, () => new FormUrlEncodedContent(form), cancellationToken);

    private async Task UploadBytesAsync(SlackCredentials auth, Uri uploadUri, SlackFileUpload file, CancellationToken cancellationToken)
    {
        const string method = "files.upload_url";
        using var response = await SendAsync(auth.WorkspaceKey, method, () =>
        {
            var content = new ReadOnlyMemoryContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return new HttpRequestMessage(HttpMethod.Post, uploadUri) { Content = content };
        }, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw Failure(response, method, auth.WorkspaceKey);
    }

    private async Task<JsonObject> CallAsync(string? token, string workspaceKey, string method, Func<HttpContent?> content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(workspaceKey, method, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content() };
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }, cancellationToken);

        if (response.StatusCode != HttpStatusCode.OK)
            throw Failure(response, method, workspaceKey);

        JsonObject body;
        try
        {
            body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
                ?? throw new JsonException("Not a JSON object.");
        }
        catch (JsonException)
        {
            LogFailed(_log, method, workspaceKey, "invalid_response", null);
            throw new SlackApiException(method, "invalid_response", null);
        }

        var warning = Str(body, "warning");
        if (body["ok"] is JsonValue ok && ok.TryGetValue(out bool isOk) && isOk)
        {
            if (warning is not null)
                LogWarning(_log, method, workspaceKey, warning);
            return body;
        }
        var error = Str(body, "error") ?? "unknown_error";
        var messages = (body["response_metadata"] as JsonObject)?["messages"] is JsonArray list
            ? list.Select(m => m?.ToString() ?? "").ToList()
            : null;
        LogFailed(_log, method, workspaceKey, error, warning);
        throw new SlackApiException(method, error, warning, messages);
    }

    private async Task<HttpResponseMessage> SendAsync(string workspaceKey, string method, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SlackWorkspaceResilience.MethodKey, method);
        try
        {
            return await _resilience.For(workspaceKey).ExecuteAsync(static async (ctx, state) =>
            {
                using var request = state.createRequest();
                return await state.http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken);
            }, context, (http: _http, createRequest)).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            LogFailed(_log, method, workspaceKey, "circuit_open", null);
            throw new SlackUnavailableException(method, "circuit_open", null, ex.RetryAfter, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            LogFailed(_log, method, workspaceKey, "timeout", null);
            throw new SlackUnavailableException(method, "timeout", null, null, ex);
        }
        catch (HttpRequestException ex)
        {
            LogFailed(_log, method, workspaceKey, "network", null);
            throw new SlackUnavailableException(method, "network", null, null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(_log, method, workspaceKey, "timeout", null);
            throw new SlackUnavailableException(method, "timeout", null, null, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Exception Failure(HttpResponseMessage response, string method, string workspaceKey)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = SlackWorkspaceResilience.RetryAfter(response, _time);
            LogFailed(_log, method, workspaceKey, "ratelimited", null);
            return new SlackRateLimitedException(method, retryAfter);
        }
        var reason = "http_" + status.ToString(CultureInfo.InvariantCulture);
        LogFailed(_log, method, workspaceKey, reason, null);
        return status >= 500
            ? new SlackUnavailableException(method, reason, response.StatusCode, null, null)
            : new SlackApiException(method, reason, null);
    }

    private static SlackView ReadView(JsonObject response)
    {
        var view = response["view"] as JsonObject;
        return new SlackView(Str(view, "id") ?? "", Str(view, "hash"));
    }

    internal static string? Str(JsonObject? obj, string name) =>
        obj?[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static bool Bool(JsonObject? obj, string name) =>
        obj?[name] is JsonValue v && v.TryGetValue(out bool b) && b;

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} for workspace {Workspace} failed: {Error} (warning: {SlackWarning})")]
    private static partial void LogFailed(ILogger logger, string method, string workspace, string error, string? slackWarning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Method} for workspace {Workspace} warned: {SlackWarning}")]
    private static partial void LogWarning(ILogger logger, string method, string workspace, string slackWarning);
}

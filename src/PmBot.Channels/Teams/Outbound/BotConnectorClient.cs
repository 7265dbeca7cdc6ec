using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PmBot.Channels.Teams.Outbound;

/// <summary>A conversation created with <see cref="BotConnectorClient.CreateConversationAsync"/>.</summary>
public sealed record CreatedConversation(string Id, string? ActivityId);

/// <summary>A member of a conversation (Teams user id <c>29:…</c>, Entra object id, name).</summary>
public sealed record ConversationMember(string Id, string? Name, string? AadObjectId);

/// <summary>
/// The Bot Connector REST API (v3) relative to an activity's serviceUrl. The bot's token is sent only to trusted
/// service URLs (<see cref="ITrustedServiceUrls"/>; otherwise <see cref="UntrustedServiceUrlException"/> and no
/// request); without credentials (local / Playground mode) requests carry no Authorization header.
/// Resilience (Polly): 429 is waited out when its Retry-After is at most <see cref="BotConnectorOptions.MaxRetryAfterWait"/>
/// (any operation: a 429 was not processed), otherwise <see cref="BotConnectorRateLimitedException"/>; 412/502/503/504,
/// timeouts and network errors are retried with exponential backoff and jitter only for idempotent operations (PUT,
/// DELETE, GET, and create: Teams answers a repeated 1:1 create with the same conversation) and surface as
/// <see cref="BotConnectorTransientException"/> for send/reply, whose outcome is then unknown (the outbox decides);
/// 403 is <see cref="BotConnectorForbiddenException"/>, 413 <see cref="MessageTooLargeException"/>, never retried.
/// </summary>
public sealed class BotConnectorClient
{
    private static readonly ResiliencePropertyKey<bool> IdempotentKey = new("botconnector.idempotent");

    private readonly HttpClient _http;
    private readonly BotConnectorTokenProvider _tokens;
    private readonly ITrustedServiceUrls _trusted;
    private readonly BotConnectorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BotConnectorClient> _log;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public BotConnectorClient(HttpClient http, BotConnectorTokenProvider tokens, ITrustedServiceUrls trusted, IOptions<BotConnectorOptions> options,
        TimeProvider time, ILogger<BotConnectorClient> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _tokens = tokens;
        _trusted = trusted;
        _options = options.Value;
        _time = time;
        _log = log;
        _pipeline = BuildPipeline();
    }

    /// <summary>Send: <c>POST v3/conversations/{id}/activities</c>. Returns the new activity's id (Teams may return none).</summary>
    public async Task<string?> SendAsync(Uri serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync("send", HttpMethod.Post, serviceUrl, $"v3/conversations/{Encode(conversationId)}/activities", activity, false, cancellationToken);
        return (string?)response?["id"];
    }

    /// <summary>Reply: <c>POST v3/conversations/{id}/activities/{activityId}</c> with <c>replyToId</c> set.</summary>
    public async Task<string?> ReplyAsync(Uri serviceUrl, string conversationId, string replyToId, JsonObject activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var body = (JsonObject)activity.DeepClone();
        body["replyToId"] = replyToId;
        var response = await CallAsync("reply", HttpMethod.Post, serviceUrl,
            $"v3/conversations/{Encode(conversationId)}/activities/{Encode(replyToId)}", body, false, cancellationToken);
        return (string?)response?["id"];
    }

    /// <summary>Update: <c>PUT v3/conversations/{id}/activities/{activityId}</c>.</summary>
    public async Task UpdateAsync(Uri serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var body = (JsonObject)activity.DeepClone();
        body["id"] = activityId;
        await CallAsync("update", HttpMethod.Put, serviceUrl, $"v3/conversations/{Encode(conversationId)}/activities/{Encode(activityId)}", body, true, cancellationToken);
    }

    /// <summary>Delete: <c>DELETE v3/conversations/{id}/activities/{activityId}</c>.</summary>
    public Task DeleteAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        CallAsync("delete", HttpMethod.Delete, serviceUrl, $"v3/conversations/{Encode(conversationId)}/activities/{Encode(activityId)}", null, true, cancellationToken);

    /// <summary>Create a 1:1 conversation: <c>POST v3/conversations</c> with the bot, the member and the tenant.</summary>
    public async Task<CreatedConversation> CreateConversationAsync(Uri serviceUrl, string botId, string userId, string tenantId, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = botId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
            ["tenantId"] = tenantId,
            ["isGroup"] = false,
        };
        var response = await CallAsync("create", HttpMethod.Post, serviceUrl, "v3/conversations", body, true, cancellationToken);
        var id = (string?)response?["id"];
        if (string.IsNullOrEmpty(id))
            throw new BotConnectorException("create", HttpStatusCode.OK, "Create conversation answered without an id.");
        return new CreatedConversation(id, (string?)response?["activityId"]);
    }

    /// <summary>Members: <c>GET v3/conversations/{id}/members</c>.</summary>
    public async Task<IReadOnlyList<ConversationMember>> GetMembersAsync(Uri serviceUrl, string conversationId, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync("members", HttpMethod.Get, serviceUrl, $"v3/conversations/{Encode(conversationId)}/members", null, true, cancellationToken);
        if (response is not JsonArray members)
            return [];
        return [.. members.OfType<JsonObject>().Select(m => new ConversationMember((string?)m["id"] ?? "", (string?)m["name"], (string?)m["aadObjectId"]))];
    }

    /// <summary>Conversation and activity ids are path segments: Teams ids contain <c>:</c>, <c>;</c> and <c>@</c>.</summary>
    public static string Encode(string id) => Uri.EscapeDataString(id);

    /// <summary>The operation's URL: the service URL with a trailing slash, then the relative path.</summary>
    public static Uri OperationUrl(Uri serviceUrl, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var text = serviceUrl.GetLeftPart(UriPartial.Path);
        if (!text.EndsWith('/'))
            text += "/";
        return new Uri(text + relativePath);
    }

    private async Task<JsonNode?> CallAsync(string operation, HttpMethod method, Uri serviceUrl, string path, JsonObject? body, bool idempotent,
        CancellationToken cancellationToken)
    {
        var url = OperationUrl(serviceUrl, path);
        string? payload = body?.ToJsonString();
        if (_tokens.HasCredentials && !_trusted.IsTrusted(serviceUrl))
            throw new UntrustedServiceUrlException(serviceUrl);

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(IdempotentKey, idempotent);
        try
        {
            Outcome<HttpResponseMessage> outcome = await _pipeline.ExecuteOutcomeAsync(async (ctx, state) =>
            {
                try
                {
                    using var request = new HttpRequestMessage(method, url);
                    var token = await _tokens.GetTokenAsync(ctx.CancellationToken);
                    if (token is not null)
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    if (state is not null)
                        request.Content = new StringContent(state, Encoding.UTF8, "application/json");
                    return Outcome.FromResult(await _http.SendAsync(request, ctx.CancellationToken));
                }
#pragma warning disable CA1031 // Polly decides from the outcome; the exception is rethrown below when not retried.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    return Outcome.FromException<HttpResponseMessage>(ex);
                }
            }, context, payload);

            if (outcome.Exception is { } exception)
            {
                if (exception is BotConnectorException)
                    throw exception;
                if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
                    throw exception;
                if (exception is TimeoutRejectedException or HttpRequestException or OperationCanceledException)
                    throw new BotConnectorTransientException(operation, null, $"Bot Connector {operation}: {exception.GetType().Name}: {exception.Message}", exception);
                throw exception;
            }
            using var response = outcome.Result!;
            return await ReadAsync(operation, response, cancellationToken);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<JsonNode?> ReadAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        var detail = await ErrorDetailAsync(response, cancellationToken);
        var message = $"Bot Connector {operation}: HTTP {status} {detail}".TrimEnd();
        throw response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new BotConnectorRateLimitedException(operation, RetryAfter(response)),
            HttpStatusCode.Forbidden => new BotConnectorForbiddenException(operation, message),
            HttpStatusCode.RequestEntityTooLarge => new MessageTooLargeException(operation, message),
            _ when IsTransientStatus(response.StatusCode) => new BotConnectorTransientException(operation, response.StatusCode, message),
            _ => new BotConnectorException(operation, response.StatusCode, message),
        };
    }

    private static async Task<string> ErrorDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            return (string?)json?["error"]?["code"] ?? "";
        }
        catch (System.Text.Json.JsonException)
        {
            return "";
        }
    }

    private static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            or HttpStatusCode.InternalServerError;

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline() =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, Math.Max(_options.MaxRateLimitRetries, _options.MaxTransientRetries)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.TransientRetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.AttemptNumber, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } r
                    ? RetryAfter(r) ?? TimeSpan.FromSeconds(1)
                    : (TimeSpan?)null),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    _log.LogWarning("Bot Connector call failed ({Failure}); retry {Retry} in {Delay}",
                        args.Outcome.Result is { } r ? "HTTP " + (int)r.StatusCode : args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .AddTimeout(_options.RequestTimeout)
            .Build();

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber, ResilienceContext context)
    {
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited)
            return attemptNumber < _options.MaxRateLimitRetries && (RetryAfter(limited) ?? TimeSpan.FromSeconds(1)) <= _options.MaxRetryAfterWait;
        if (attemptNumber >= _options.MaxTransientRetries || !context.Properties.GetValue(IdempotentKey, false))
            return false;
        return outcome switch
        {
            { Result: { } r } => r.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
                or HttpStatusCode.GatewayTimeout,
            { Exception: TimeoutRejectedException or HttpRequestException or BotConnectorTransientException } => true,
            { Exception: OperationCanceledException } => !context.CancellationToken.IsCancellationRequested,
            _ => false,
        };
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}

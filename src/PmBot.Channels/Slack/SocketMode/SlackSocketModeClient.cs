using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PmBot.Channels.Slack.SocketMode;

/// <summary>
/// Receives Slack events, slash commands and interactions over a Socket Mode WebSocket instead of public HTTP
/// endpoints. Opens a connection URL with apps.connections.open (app-level token, header only), hands each envelope
/// to the handler and acks it with its envelope id (plus the handler's response payload, if any). Reconnects when
/// Slack sends <c>disconnect</c> (at once) or the connection drops (after a capped, jittered backoff); stops on cancellation.
/// A handler that throws gets no ack, so Slack redelivers the envelope (like a 500 from the HTTP endpoint).
/// </summary>
public sealed partial class SlackSocketModeClient
{
    private const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly SlackWebApiClient _api;
    private readonly SlackOptions _options;
    private readonly Func<SocketModeEnvelope, CancellationToken, Task<JsonNode?>> _handler;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackSocketModeClient> _log;
    private int _connections;

    public SlackSocketModeClient(SlackWebApiClient api, IOptions<SlackOptions> options, Func<SocketModeEnvelope, CancellationToken, Task<JsonNode?>> handler,
        TimeProvider time, ILogger<SlackSocketModeClient> log)
    {
        _api = api;
        _options = options.Value;
        _handler = handler;
        _time = time;
        _log = log;
    }

    /// <summary>How many WebSocket connections have been opened so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, reconnecting as needed.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var token = _options.AppLevelToken;
        if (string.IsNullOrEmpty(token))
            throw new InvalidOperationException("Socket Mode needs Slack:AppLevelToken (an xapp- token with connections:write).");

        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var reconnectAtOnce = false;
            try
            {
                var url = await _api.OpenSocketModeConnectionAsync(token, cancellationToken);
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(url, cancellationToken);
                Interlocked.Increment(ref _connections);
                reconnectAtOnce = await RunConnectionAsync(socket, () => failures = 0, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The connection loop must outlive any failure of one connection; it is logged and retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogConnectionFailed(_log, ex.GetType().Name, ex.Message);
            }

            if (reconnectAtOnce)
                continue;
            failures++;
            var delay = Backoff(failures);
            LogReconnecting(_log, delay);
            try
            {
                await Task.Delay(delay, _time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>Reads frames until a disconnect (true: reconnect at once), a close or a drop (false), or cancellation.</summary>
    private async Task<bool> RunConnectionAsync(ClientWebSocket socket, Action onHello, CancellationToken cancellationToken)
    {
        using var sendLock = new SemaphoreSlim(1, 1);
        var inFlight = new List<Task>();
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        var reconnect = false;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(8 * 1024), cancellationToken);
                    buffer.Advance(result.Count);
                    if (buffer.WrittenCount > MaxMessageBytes)
                        throw new WebSocketException("Socket Mode frame too large.");
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                if (result.MessageType != WebSocketMessageType.Text)
                    continue;

                JsonObject? frame;
                try
                {
                    frame = JsonNode.Parse(buffer.WrittenSpan) as JsonObject;
                }
                catch (JsonException)
                {
                    LogBadFrame(_log);
                    continue;
                }
                if (frame is null)
                    continue;

                var type = SlackWebApiClient.Str(frame, "type");
                if (type == "hello")
                {
                    onHello();
                    LogHello(_log);
                    continue;
                }
                if (type == "disconnect")
                {
                    LogDisconnect(_log, SlackWebApiClient.Str(frame, "reason") ?? "unknown");
                    reconnect = true;
                    break;
                }
                if (SlackWebApiClient.Str(frame, "envelope_id") is { } envelopeId)
                {
                    var envelope = new SocketModeEnvelope(
                        envelopeId,
                        type ?? "",
                        frame["payload"] as JsonObject,
                        frame["accepts_response_payload"] is JsonValue a && a.TryGetValue(out bool accepts) && accepts,
                        frame["retry_attempt"] is JsonValue r && r.TryGetValue(out int attempt) ? attempt : null,
                        SlackWebApiClient.Str(frame, "retry_reason"));
                    inFlight.RemoveAll(t => t.IsCompleted);
                    inFlight.Add(HandleAsync(socket, sendLock, envelope, cancellationToken));
                }
            }
        }
        finally
        {
            // Let handlers that are running finish and ack on this connection (Slack keeps it usable briefly after a disconnect).
            await Task.WhenAll(inFlight).ConfigureAwait(false);
            await CloseQuietlyAsync(socket).ConfigureAwait(false);
        }
        return reconnect;
    }

    private async Task HandleAsync(ClientWebSocket socket, SemaphoreSlim sendLock, SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        await Task.Yield();
        JsonNode? response;
        try
        {
            response = await _handler(envelope, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // A failing handler must not kill the connection; no ack means Slack redelivers.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_log, ex, envelope.Type, envelope.EnvelopeId);
            return;
        }

        var ack = new JsonObject { ["envelope_id"] = envelope.EnvelopeId };
        if (response is not null)
            ack["payload"] = response.Parent is null ? response : response.DeepClone();
        var bytes = Encoding.UTF8.GetBytes(ack.ToJsonString());
        try
        {
            await sendLock.WaitAsync(cancellationToken);
            try
            {
                if (socket.State == WebSocketState.Open)
                    await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (WebSocketException ex)
        {
            LogAckFailed(_log, envelope.EnvelopeId, ex.Message);
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
        }
        catch (WebSocketException)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var baseMs = Math.Max(1, _options.SocketModeReconnectBaseDelay.TotalMilliseconds);
        var ceiling = Math.Min(_options.SocketModeMaxReconnectDelay.TotalMilliseconds, baseMs * Math.Pow(2, Math.Min(failures - 1, 20)));
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
#pragma warning restore CA5394
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connected (hello)")]
    private static partial void LogHello(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode disconnect requested ({Reason}); reconnecting")]
    private static partial void LogDisconnect(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection failed: {Error}: {Detail}")]
    private static partial void LogConnectionFailed(ILogger logger, string error, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode reconnecting in {Delay}")]
    private static partial void LogReconnecting(ILogger logger, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode frame is not JSON; ignored")]
    private static partial void LogBadFrame(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode handler failed for {Type} envelope {EnvelopeId}; not acked, Slack will redeliver")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string type, string envelopeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode ack of {EnvelopeId} failed: {Error}")]
    private static partial void LogAckFailed(ILogger logger, string envelopeId, string error);
}

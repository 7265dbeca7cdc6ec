using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using PmBot.Channels.Slack.SocketMode;
using PmBot.Channels.Tests.Slack.Fakes;
using PmBot.TestSupport.Slack;

namespace PmBot.Channels.Tests.Slack.SocketMode;

public class SlackSocketModeClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RunAsync_HelloEnvelopeDisconnect_AcksWithPayloadAndReconnects()
    {
        await using var f = await SlackClientFixture.StartAsync(o => o.AppLevelToken = "xapp-1-A1-SECRET");
        var ack = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondConnection = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Fake.SocketSession = async (n, socket, ct) =>
        {
            if (n > 1)
            {
                await SendAsync(socket, new JsonObject { ["type"] = "hello" }, ct);
                secondConnection.TrySetResult();
                await DrainAsync(socket, ct);
                return;
            }
            await SendAsync(socket, new JsonObject { ["type"] = "hello", ["num_connections"] = 1 }, ct);
            await SendAsync(socket, new JsonObject
            {
                ["envelope_id"] = "env-1",
                ["type"] = "slash_commands",
                ["payload"] = new JsonObject { ["command"] = "/pm", ["text"] = "projects", ["team_id"] = "T1" },
                ["accepts_response_payload"] = true,
            }, ct);
            ack.TrySetResult(await ReceiveAsync(socket, ct));
            await SendAsync(socket, new JsonObject { ["type"] = "disconnect", ["reason"] = "refresh_requested" }, ct);
            await DrainAsync(socket, ct);
        };
        var seen = new List<SocketModeEnvelope>();
        var client = new SlackSocketModeClient(f.Client, f.WrappedOptions, (envelope, _) =>
        {
            seen.Add(envelope);
            return Task.FromResult<JsonNode?>(new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Working on it" });
        }, TimeProvider.System, f.Logs.For<SlackSocketModeClient>());

        using var stop = new CancellationTokenSource();
        var run = client.RunAsync(stop.Token);
        var acked = await ack.Task.WaitAsync(Patience);
        await secondConnection.Task.WaitAsync(Patience);
        await stop.CancelAsync();
        await run.WaitAsync(Patience);

        Assert.Equal("env-1", (string)acked["envelope_id"]!);
        Assert.Equal("Working on it", (string)acked["payload"]!["text"]!);
        var envelope = Assert.Single(seen);
        Assert.Equal("slash_commands", envelope.Type);
        Assert.True(envelope.AcceptsResponsePayload);
        Assert.Equal("projects", (string)envelope.Payload!["text"]!);
        var opens = f.Fake.RequestsFor("apps.connections.open");
        Assert.Equal(2, opens.Count);
        Assert.All(opens, r => Assert.Equal("Bearer xapp-1-A1-SECRET", r.Authorization));
        Assert.DoesNotContain("SECRET", f.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HandlerReturnsNull_AcksWithEnvelopeIdOnly()
    {
        await using var f = await SlackClientFixture.StartAsync(o => o.AppLevelToken = "xapp-1-A1-SECRET");
        var ack = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Fake.SocketSession = async (n, socket, ct) =>
        {
            await SendAsync(socket, new JsonObject { ["type"] = "hello" }, ct);
            if (n == 1)
            {
                await SendAsync(socket, new JsonObject
                {
                    ["envelope_id"] = "env-2", ["type"] = "events_api", ["retry_attempt"] = 1, ["retry_reason"] = "timeout",
                    ["payload"] = new JsonObject { ["type"] = "event_callback", ["event_id"] = "Ev1" },
                    ["accepts_response_payload"] = false,
                }, ct);
                ack.TrySetResult(await ReceiveAsync(socket, ct));
            }
            await DrainAsync(socket, ct);
        };
        SocketModeEnvelope? seen = null;
        var client = new SlackSocketModeClient(f.Client, f.WrappedOptions, (e, _) =>
        {
            seen = e;
            return Task.FromResult<JsonNode?>(null);
        }, TimeProvider.System, f.Logs.For<SlackSocketModeClient>());

        using var stop = new CancellationTokenSource();
        var run = client.RunAsync(stop.Token);
        var acked = await ack.Task.WaitAsync(Patience);
        await stop.CancelAsync();
        await run.WaitAsync(Patience);

        Assert.Equal("{\"envelope_id\":\"env-2\"}", acked.ToJsonString());
        Assert.Equal(1, seen!.RetryAttempt);
        Assert.Equal("timeout", seen.RetryReason);
    }

    [Fact]
    public async Task RunAsync_ConnectionDrops_ReconnectsAfterBackoff()
    {
        await using var f = await SlackClientFixture.StartAsync(o => o.AppLevelToken = "xapp-1-A1-SECRET");
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Fake.SocketSession = async (n, socket, ct) =>
        {
            await SendAsync(socket, new JsonObject { ["type"] = "hello" }, ct);
            if (n >= 3)
            {
                third.TrySetResult();
                await DrainAsync(socket, ct);
                return;
            }
            socket.Abort();
        };
        var client = new SlackSocketModeClient(f.Client, f.WrappedOptions, (_, _) => Task.FromResult<JsonNode?>(null), TimeProvider.System,
            f.Logs.For<SlackSocketModeClient>());

        using var stop = new CancellationTokenSource();
        var run = client.RunAsync(stop.Token);
        await third.Task.WaitAsync(Patience);
        await stop.CancelAsync();
        await run.WaitAsync(Patience);

        Assert.True(f.Fake.RequestsFor("apps.connections.open").Count >= 3);
    }

    private static Task SendAsync(WebSocket socket, JsonObject frame, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, ct);

    private static async Task<JsonObject> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(count), ct);
            count += result.Count;
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(buffer.AsSpan(0, count))!.AsObject();
    }

    /// <summary>Reads until the client closes (or the server stops).</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                    return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
    }
}

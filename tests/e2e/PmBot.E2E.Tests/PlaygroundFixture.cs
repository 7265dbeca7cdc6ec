using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using PmBot.TestSupport;

namespace PmBot.E2E.Tests;

/// <summary>
/// The real Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>, a Teams-shaped client with a
/// mock Bot Connector) pointed at the real PmBot server on loopback, auth off. The bot's messages are read back from
/// the Playground's own conversation stream.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<JsonObject> _frames = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly StringBuilder _log = new();
    private ServerProcess? _server;
    private Process? _playground;
    private ClientWebSocket? _socket;

    public HttpClient Http { get; private set; } = null!;

    public string ConversationId { get; private set; } = "";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "pmbot-playground-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var folder = Path.Combine(ServerProcess.RepoRoot(), "tests", "e2e", "PmBot.E2E.Tests", "playground");
        await EnsureInstalledAsync(folder);
        Directory.CreateDirectory(DataDirectory);
        _server = await ServerProcess.StartAsync(Configuration(), new Dictionary<string, string>
        {
            ["PmBot__Storage__DataDirectory"] = DataDirectory,
            ["PmBot__Teams__AllowUnauthenticated"] = "true",
        });
        var port = ServerProcess.FreePort();
        var start = new ProcessStartInfo("npx") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--no-install", "agentsplayground", "start", "-e", new Uri(_server.BaseAddress, "/api/messages").ToString(), "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry" })
            start.ArgumentList.Add(arg);
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _playground = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Agents Playground (npx).");
        _playground.OutputDataReceived += (_, e) =>
        {
            lock (_log)
                _log.AppendLine(e.Data);
            if (e.Data?.Contains($"Listening on {port}", StringComparison.Ordinal) == true)
                listening.TrySetResult();
        };
        _playground.ErrorDataReceived += (_, e) =>
        {
            lock (_log)
                _log.AppendLine(e.Data);
        };
        _playground.BeginOutputReadLine();
        _playground.BeginErrorReadLine();
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The Agents Playground did not start:\n{_log}");
        }

        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        var config = (await Http.GetFromJsonAsync<JsonObject>("_internal/v1/config"))!;
        ConversationId = (string)config["config"]!["personalChat"]!["id"]!;
        _socket = new ClientWebSocket();
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
        _ = Task.Run(ReceiveAsync);
    }

    /// <summary>A user message typed in the personal chat.</summary>
    public async Task SayAsync(string text)
    {
        var response = await Http.PostAsJsonAsync($"_conversation/v1/conversations/{ConversationId}/messages", new { from = new { id = "user-id-0" }, text, textFormat = "plain" });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>An Action.Execute click: returns the bot's invoke response.</summary>
    public async Task<JsonObject> ExecuteAsync(JsonObject data, string cardMessageId)
    {
        var response = await Http.PostAsJsonAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "pmbot", ["data"] = data }, ["trigger"] = "manual" },
            ["from"] = new JsonObject { ["id"] = "user-id-0" },
            ["conversation"] = new JsonObject { ["id"] = ConversationId },
            ["replyToId"] = cardMessageId,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>An Action.Submit click (arrives at the bot as a message with a value).</summary>
    public async Task SubmitAsync(JsonObject data, string cardMessageId)
    {
        var response = await Http.PostAsJsonAsync("_conversation/v1/submit", new JsonObject
        {
            ["value"] = data,
            ["from"] = new JsonObject { ["id"] = "user-id-0" },
            ["conversation"] = new JsonObject { ["id"] = ConversationId },
            ["replyToId"] = cardMessageId,
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Installs the app in the personal chat (an installationUpdate add, as Teams sends it).</summary>
    public async Task InstallAsync()
    {
        var activity = (await Http.GetFromJsonAsync<JsonObject>($"_internal/v1/customActivities/template?conversationId={ConversationId}"))!;
        activity["type"] = "installationUpdate";
        activity["action"] = "add";
        var response = await Http.PostAsJsonAsync($"_internal/v1/customActivities?conversationId={ConversationId}", activity);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits for a message from the bot, as the Playground shows it, that contains <paramref name="text"/>.</summary>
    public async Task<JsonObject> WaitForBotMessageAsync(string text, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(20)))
        {
            var hit = _frames.FirstOrDefault(f => (string?)f["action"] == "createMessage" && f.ToJsonString().Contains(text, StringComparison.Ordinal));
            if (hit is not null)
                return hit;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The Playground showed no bot message containing \"{text}\". Frames:\n{string.Join("\n", _frames.Select(f => f.ToJsonString()[..Math.Min(300, f.ToJsonString().Length)]))}\nServer log:\n{_server?.Log}");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket?.Dispose();
        Http?.Dispose();
        if (_playground is { HasExited: false })
        {
            _playground.Kill(entireProcessTree: true);
            await _playground.WaitForExitAsync();
        }
        _playground?.Dispose();
        _server?.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[256 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket!.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    return;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                if (JsonNode.Parse(message.ToArray()) is JsonObject frame)
                    _frames.Enqueue(frame);
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or System.Text.Json.JsonException)
        {
            // The fixture is stopping, or a frame that is not JSON: nothing to record.
        }
    }

    private static async Task EnsureInstalledAsync(string folder)
    {
        if (Directory.Exists(Path.Combine(folder, "node_modules", "@microsoft", "m365agentsplayground")))
            return;
        var npm = new ProcessStartInfo("npm") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" })
            npm.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(npm)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("The Teams end-to-end test needs Node.js and npm (Debian: apt-get install -y nodejs npm) to install the Agents Playground.");
        }
        using (process)
        {
            var output = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"`npm ci` for the Agents Playground failed in {folder}:\n{output}");
        }
    }

    private static string Configuration() =>
        typeof(PlaygroundFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Debug";
}

using System.Net.Http.Json;
using PmBot.Server.WebChat;

namespace PmBot.Server.Tests.Infrastructure;

/// <summary>Talks to <c>/api/webchat</c> as one local user, the way the page does.</summary>
public sealed class WebChatClient(HttpClient http, string userId) : IDisposable
{
    private bool _signedIn;
    private long _lastSeen;

    public HttpClient Http { get; } = http;

    public async Task SignInAsync()
    {
        if (_signedIn)
            return;
        var response = await Http.PostAsJsonAsync("/api/webchat/session", new { userId });
        response.EnsureSuccessStatusCode();
        _signedIn = true;
    }

    /// <summary>Types a command; returns the bot's reply entries.</summary>
    public Task<WebChatEndpoints.PostResult> SayAsync(string text, string? clientId = null) => PostAsync(new { clientId = clientId ?? Guid.NewGuid().ToString("N"), text });

    /// <summary>Clicks a button that runs <paramref name="command"/>.</summary>
    public Task<WebChatEndpoints.PostResult> ClickAsync(string command) => PostAsync(new { clientId = Guid.NewGuid().ToString("N"), command });

    public Task<WebChatEndpoints.PostResult> SubmitAsync(string command, IDictionary<string, string?> values) =>
        PostAsync(new { clientId = Guid.NewGuid().ToString("N"), form = new { command, values } });

    /// <summary>The reply as plain text (all entries joined).</summary>
    public async Task<string> AskAsync(string text)
    {
        var result = await SayAsync(text);
        return string.Join("\n", result.Replies.Select(r => r.Plain));
    }

    public async Task<IReadOnlyList<WebChatEndpoints.EntryView>> ReadAllAsync()
    {
        await SignInAsync();
        return (await Http.GetFromJsonAsync<List<WebChatEndpoints.EntryView>>("/api/webchat/messages?after=0"))!;
    }

    /// <summary>Waits until a bot entry newer than the last one seen contains <paramref name="text"/> (proactive messages come through the outbox).</summary>
    public async Task<WebChatEndpoints.EntryView> WaitForAsync(string text, TimeSpan? timeout = null)
    {
        await SignInAsync();
        var until = System.Diagnostics.Stopwatch.StartNew();
        while (until.Elapsed < (timeout ?? TimeSpan.FromSeconds(10)))
        {
            var entries = (await Http.GetFromJsonAsync<List<WebChatEndpoints.EntryView>>($"/api/webchat/messages?after={_lastSeen}"))!;
            var hit = entries.FirstOrDefault(e => e.From == "bot" && (e.Plain ?? "").Contains(text, StringComparison.Ordinal));
            if (hit is not null)
            {
                _lastSeen = hit.Id;
                return hit;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No bot message containing \"{text}\" arrived.");
    }

    private async Task<WebChatEndpoints.PostResult> PostAsync(object body)
    {
        await SignInAsync();
        var response = await Http.PostAsJsonAsync("/api/webchat/messages", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WebChatEndpoints.PostResult>())!;
    }

    public void Dispose() => Http.Dispose();
}

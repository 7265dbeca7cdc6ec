using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmBot.Channels.Slack;
using PmBot.Core.Domain;
using PmBot.Server.Tests.Infrastructure;
using PmBot.Storage;
using PmBot.TestSupport.Slack;

namespace PmBot.Server.Tests.Slack;

/// <summary>Slack beyond the request/answer loop: profiles, App Home, welcomes, OAuth installs, Socket Mode.</summary>
public sealed class SlackFeatureTests : IAsyncLifetime
{
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackServer.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private Task<PmBotApp> StartAsync(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["PmBot:Slack:SigningSecret"] = Secret,
            ["PmBot:Slack:BotToken"] = "xoxb-test-token",
            ["PmBot:Slack:ApiBaseAddress"] = _slack.ApiBase.ToString(),
        };
        foreach (var (key, value) in more ?? [])
            settings[key] = value;
        return PmBotApp.StartAsync(Store.Sqlite, settings);
    }

    private static HttpRequestMessage Signed(string path, string body, string contentType) => SlackRequests.Signed(Secret, path, body, contentType);

    private static string Command(string text, string user) => SlackRequests.Command(text, user, "C0PROJECT1", new Uri("https://hooks.invalid/r"));

    private static string Event(string id, JsonObject inner) => new JsonObject
    {
        ["token"] = "x", ["team_id"] = "T0001", ["api_app_id"] = "A1", ["type"] = "event_callback", ["event_id"] = id, ["event_time"] = 1_700_000_000,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T0001", ["user_id"] = "U0PMBOT00", ["is_bot"] = true }),
        ["event"] = inner,
    }.ToJsonString();

    private static Task WaitForAsync(Func<bool> condition, string what) => SlackRequests.WaitForAsync(condition, what);

    [Fact]
    public async Task Command_FromANewMember_TakesTimeZoneLocaleAndNameFromUsersInfo()
    {
        _slack.Users["U0WEI0003"] = new JsonObject
        {
            ["id"] = "U0WEI0003", ["tz"] = "Asia/Shanghai", ["tz_offset"] = 28800, ["locale"] = "zh-CN", ["real_name"] = "Wei Zhang",
            ["profile"] = new JsonObject { ["display_name"] = "Wei", ["real_name"] = "Wei Zhang" },
        };
        await using var app = await StartAsync();
        using var http = app.CreateClient();
        await http.SendAsync(Signed("/api/slack/commands", Command("help", "U0WEI0003"), "application/x-www-form-urlencoded"));

        var me = await http.SendAsync(Signed("/api/slack/commands", Command("me", "U0WEI0003"), "application/x-www-form-urlencoded"));

        var text = JsonNode.Parse(await me.Content.ReadAsStringAsync())!.ToJsonString();
        Assert.Contains("Asia/Shanghai", text, StringComparison.Ordinal);
        Assert.Contains("\\u65F6\\u533A", text, StringComparison.Ordinal); // 时区: the reply is in Chinese
        Assert.Contains("Wei", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppHomeOpened_PublishesTheMembersHome()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();
        await http.SendAsync(Signed("/api/slack/commands", Command("project create \"Apollo\"", "U0ANN0001"), "application/x-www-form-urlencoded"));

        var response = await http.SendAsync(Signed("/api/slack/events",
            Event("Ev0HOME", new JsonObject { ["type"] = "app_home_opened", ["user"] = "U0ANN0001", ["channel"] = "D0ANN", ["tab"] = "home", ["event_ts"] = "1700000000.1" }),
            "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var publish = Assert.Single(_slack.RequestsFor("views.publish"));
        Assert.Equal("U0ANN0001", (string)publish.Json["user_id"]!);
        Assert.Equal("home", (string)publish.Json["view"]!["type"]!);
        Assert.Contains("APOLLO", publish.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberJoined_AChannelBoundToAProject_IsWelcomedOnce()
    {
        await using var app = await StartAsync(new() { ["PmBot:Slack:PerConversationBurst"] = "50" });
        using var http = app.CreateClient();
        await http.SendAsync(Signed("/api/slack/commands", Command("project create \"Apollo\"", "U0ANN0001"), "application/x-www-form-urlencoded"));
        await http.SendAsync(Signed("/api/slack/commands", Command("project use APOLLO", "U0ANN0001"), "application/x-www-form-urlencoded"));
        var joined = Event("Ev0JOIN", new JsonObject { ["type"] = "member_joined_channel", ["user"] = "U0NEW0009", ["channel"] = "C0PROJECT1", ["channel_type"] = "C", ["team"] = "T0001", ["event_ts"] = "1700000000.2" });

        await http.SendAsync(Signed("/api/slack/events", joined, "application/json"));
        await http.SendAsync(Signed("/api/slack/events", joined, "application/json"));

        await WaitForAsync(() => _slack.Posted.Any(p => p.Text.Contains("<@U0NEW0009>", StringComparison.Ordinal)), "the welcome is posted");
        await Task.Delay(500);
        var welcome = Assert.Single(_slack.Posted, p => p.Text.Contains("<@U0NEW0009>", StringComparison.Ordinal));
        Assert.Equal("C0PROJECT1", welcome.Channel);
        Assert.Contains("APOLLO", welcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuthInstall_WithTheRightState_StoresTheTokenProtected()
    {
        await using var app = await StartAsync(new() { ["PmBot:Slack:ClientId"] = "111.222", ["PmBot:Slack:ClientSecret"] = "s3cret", ["PmBot:Slack:PublicBaseUrl"] = "https://pmbot.example.com" });
        using var browser = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var install = await browser.GetAsync("/api/slack/install");
        Assert.Equal(HttpStatusCode.Redirect, install.StatusCode);
        var location = install.Headers.Location!;
        Assert.StartsWith("https://slack.com/oauth/v2/authorize?client_id=111.222&scope=", location.ToString(), StringComparison.Ordinal);
        Assert.Contains("redirect_uri=https%3A%2F%2Fpmbot.example.com%2Fapi%2Fslack%2Foauth%2Fcallback", location.Query, StringComparison.Ordinal);
        var state = System.Web.HttpUtility.ParseQueryString(location.Query)["state"]!;

        var forged = await browser.GetAsync("/api/slack/oauth/callback?code=abc&state=not-" + state);
        var done = await browser.GetAsync($"/api/slack/oauth/callback?code=abc&state={state}");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("PmBot is installed in Acme", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PmBotDbContext>();
        var installation = await db.ChannelInstallations.SingleAsync();
        Assert.Equal("T1", installation.ExternalTeamId);
        Assert.DoesNotContain("xoxb-installed", installation.ProtectedBotToken, StringComparison.Ordinal);
        Assert.Equal("xoxb-installed", await app.Get<ISlackTokenProvider>().GetBotTokenAsync(installation.WorkspaceId, CancellationToken.None));
        Assert.True((await db.Workspaces.SingleAsync(w => w.Id == installation.WorkspaceId)).IsActive);
    }

    [Fact]
    public async Task SocketMode_SlashCommandEnvelope_IsAnsweredInItsAck()
    {
        var ack = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _slack.SocketSession = async (n, socket, ct) =>
        {
            await SendAsync(socket, new JsonObject { ["type"] = "hello" }, ct);
            if (n > 1)
                return;
            await SendAsync(socket, new JsonObject
            {
                ["envelope_id"] = "env-help",
                ["type"] = "slash_commands",
                ["accepts_response_payload"] = true,
                ["payload"] = new JsonObject
                {
                    ["team_id"] = "T0001", ["channel_id"] = "C0PROJECT1", ["user_id"] = "U0ANN0001", ["user_name"] = "ann", ["command"] = "/pm",
                    ["text"] = "help", ["response_url"] = "https://hooks.invalid/r", ["trigger_id"] = "9.9.9", ["api_app_id"] = "A1",
                },
            }, ct);
            ack.TrySetResult(await ReceiveAsync(socket, ct));
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }
        };
        await using var app = await StartAsync(new() { ["PmBot:Slack:SigningSecret"] = null, ["PmBot:Slack:AppLevelToken"] = "xapp-1-A1-test" });

        var answer = await ack.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal("env-help", (string)answer["envelope_id"]!);
        Assert.Contains("PmBot commands", answer["payload"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Bearer xapp-1-A1-test", _slack.RequestsFor("apps.connections.open")[0].Authorization);
    }

    private static Task SendAsync(WebSocket socket, JsonObject message, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, ct);

    private static async Task<JsonObject> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, ct);
            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(text.ToArray())!.AsObject();
    }
}

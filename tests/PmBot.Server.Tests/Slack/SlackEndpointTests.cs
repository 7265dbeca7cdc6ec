using System.Text;
using System.Net;
using System.Text.Json.Nodes;
using PmBot.Channels.Slack;
using PmBot.Server.Tests.Infrastructure;
using PmBot.TestSupport.Slack;

namespace PmBot.Server.Tests.Slack;

/// <summary>Slack over real HTTP: signed requests in, a loopback fake of the Slack Web API out.</summary>
public sealed class SlackEndpointTests : IAsyncLifetime
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackServer.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private Task<PmBotApp> StartAsync(Store store = Store.Sqlite, string ackBudget = "00:00:02") => PmBotApp.StartAsync(store, new Dictionary<string, string?>
    {
        ["PmBot:Slack:SigningSecret"] = Secret,
        ["PmBot:Slack:BotToken"] = "xoxb-test-token",
        ["PmBot:Slack:ApiBaseAddress"] = _slack.ApiBase.ToString(),
        ["PmBot:Slack:AckBudget"] = ackBudget,
        ["PmBot:Slack:PerConversationPerSecond"] = "100",
        ["PmBot:Slack:PerConversationBurst"] = "100",
    });

    private string Command(string text, string user = "U0ANN0001") =>
        SlackRequests.Command(text, user, "C2147483705", new Uri(_slack.BaseAddress, "/response/1"));

    private static HttpRequestMessage Signed(string path, string body, string contentType = "application/x-www-form-urlencoded", DateTimeOffset? at = null, string secret = Secret) =>
        SlackRequests.Signed(secret, path, body, contentType, at);

    private static Task WaitForAsync(Func<bool> condition, string what) => SlackRequests.WaitForAsync(condition, what);

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Commands_SignedHelp_AnswersInTheAck(Store store)
    {
        await using var app = await StartAsync(store);
        using var http = app.CreateClient();

        var response = await http.SendAsync(Signed("/api/slack/commands", Command("help")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string)ack["response_type"]!);
        Assert.Contains("PmBot commands", ack["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_BadSignatures_AreRefusedWith401AndNoDetail()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();
        var body = Command("project create \"Apollo\"");

        var wrongSecret = await http.SendAsync(Signed("/api/slack/commands", body, secret: "not-the-secret"));
        var stale = await http.SendAsync(Signed("/api/slack/commands", body, at: TimeProvider.System.GetUtcNow().AddMinutes(-6)));
        var unsigned = await http.PostAsync("/api/slack/commands", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        var tampered = Signed("/api/slack/commands", body);
        tampered.Content = new StringContent(body.Replace("Apollo", "Hacked", StringComparison.Ordinal), Encoding.UTF8, "application/x-www-form-urlencoded");
        var tamperedResponse = await http.SendAsync(tampered);
        var sslCheck = await http.PostAsync("/api/slack/commands", new StringContent("ssl_check=1&token=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        foreach (var refused in new[] { wrongSecret, stale, unsigned, tamperedResponse })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, sslCheck.StatusCode);
        using var alice = app.Chat("alice");
        Assert.Contains("There are no projects yet", await alice.AskAsync("project list"), StringComparison.Ordinal); // nothing was created anywhere
    }

    [Fact]
    public async Task Commands_SlowerThanTheBudget_AckAtOnceThenAnswerThroughResponseUrl()
    {
        await using var app = await StartAsync(ackBudget: "00:00:00");
        using var http = app.CreateClient();

        var response = await http.SendAsync(Signed("/api/slack/commands", Command("project create \"Apollo\"")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await WaitForAsync(() => _slack.RequestsFor("/response/1").Count > 0, "the answer reaches the response_url");
        var answer = _slack.RequestsFor("/response/1")[0].Json;
        Assert.Equal("in_channel", (string)answer["response_type"]!);
        Assert.Contains("Project APOLLO created", answer.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_MissingInput_OpenAModal_WhoseSubmissionIsValidatedThenRun()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();
        await http.SendAsync(Signed("/api/slack/commands", Command("project create \"Apollo\"")));

        var ack = await http.SendAsync(Signed("/api/slack/commands", Command("member add project APOLLO")));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("", await ack.Content.ReadAsStringAsync());
        var open = Assert.Single(_slack.RequestsFor("views.open"));
        Assert.Equal("Bearer xoxb-test-token", open.Authorization);
        var view = open.Json["view"]!.AsObject();
        Assert.Equal("modal", (string)view["type"]!);

        var invalid = await http.SendAsync(Signed("/api/slack/interactions", "payload=" + Uri.EscapeDataString(Submission(view, user: "U0BOB0002", role: null, trigger: "1.1"))));
        var errors = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string)errors["response_action"]!);
        Assert.Equal("The role is missing.", (string)errors["errors"]!["role"]!);

        var valid = await http.SendAsync(Signed("/api/slack/interactions", "payload=" + Uri.EscapeDataString(Submission(view, user: "U0BOB0002", role: "member", trigger: "1.2"))));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal("", await valid.Content.ReadAsStringAsync());
        await WaitForAsync(() => _slack.Posted.Any(p => p.Text.Contains("joined APOLLO as Member", StringComparison.Ordinal)), "the answer is posted in the channel");
        Assert.Equal("C2147483705", _slack.Posted.First(p => p.Text.Contains("joined APOLLO", StringComparison.Ordinal)).Channel);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Events_MentionRetriedBySlack_IsAnsweredOnce(Store store)
    {
        await using var app = await StartAsync(store);
        using var http = app.CreateClient();
        var envelope = new JsonObject
        {
            ["token"] = "x", ["team_id"] = "T0001", ["api_app_id"] = "A123456", ["type"] = "event_callback",
            ["event_id"] = "Ev0MENTION01", ["event_time"] = 1_700_000_000,
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T0001", ["user_id"] = "U0PMBOT00", ["is_bot"] = true }),
            ["event"] = new JsonObject
            {
                ["type"] = "app_mention", ["user"] = "U0ANN0001", ["text"] = "<@U0PMBOT00> project create \"Apollo\"",
                ["ts"] = "1700000000.000100", ["channel"] = "C2147483705", ["event_ts"] = "1700000000.000100",
            },
        }.ToJsonString();

        var first = await http.SendAsync(Signed("/api/slack/events", envelope, "application/json"));
        var retry = Signed("/api/slack/events", envelope, "application/json");
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        var second = await http.SendAsync(retry);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await WaitForAsync(() => _slack.Posted.Any(p => p.Text.Contains("APOLLO", StringComparison.Ordinal)), "the answer is posted");
        await Task.Delay(1000);
        Assert.Single(_slack.Posted, p => p.Text.Contains("APOLLO", StringComparison.Ordinal));
        Assert.Equal("pmbot_outbox", (string)_slack.Posted[0].Metadata!["event_type"]!);
    }

    [Fact]
    public async Task Events_UrlVerification_EchoesTheChallenge()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();

        var response = await http.SendAsync(Signed("/api/slack/events", """{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "application/json"));

        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]!);
    }

    [Fact]
    public async Task Events_AppUninstalled_StopsSendingToThatWorkspace()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();
        await http.SendAsync(Signed("/api/slack/commands", Command("project create \"Apollo\"")));
        var tokens = app.Get<ISlackTokenProvider>();
        var workspaceId = await WorkspaceIdAsync(app);
        Assert.Equal("xoxb-test-token", await tokens.GetBotTokenAsync(workspaceId, CancellationToken.None));

        var uninstall = """{"token":"x","team_id":"T0001","api_app_id":"A123456","type":"event_callback","event_id":"Ev0UNINSTALL","event_time":1700000000,"event":{"type":"app_uninstalled","event_ts":"1700000000.000200"}}""";
        var response = await http.SendAsync(Signed("/api/slack/events", uninstall, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await tokens.GetBotTokenAsync(workspaceId, CancellationToken.None));
    }

    [Fact]
    public async Task Interactions_ButtonClick_RunsItsCommandAndAnswersThroughResponseUrl()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();
        await http.SendAsync(Signed("/api/slack/commands", Command("project create \"Apollo\"")));
        var click = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = "T0001", ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = "U0ANN0001", ["username"] = "ann", ["team_id"] = "T0001" },
            ["api_app_id"] = "A123456",
            ["trigger_id"] = "701.1.abc",
            ["channel"] = new JsonObject { ["id"] = "C2147483705", ["name"] = "project-apollo" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000300", ["channel_id"] = "C2147483705" },
            ["response_url"] = new Uri(_slack.BaseAddress, "/response/click").ToString(),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = "cmd-0", ["block_id"] = "b1", ["value"] = "member list project APOLLO",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Members" }, ["action_ts"] = "1700000001.000400",
            }),
        }.ToJsonString();

        var ack = await http.SendAsync(Signed("/api/slack/interactions", "payload=" + Uri.EscapeDataString(click)));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await WaitForAsync(() => _slack.RequestsFor("/response/click").Count > 0, "the click is answered through its response_url");
        Assert.Contains("APOLLO members (1)", _slack.RequestsFor("/response/click")[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactions_UnreadablePayload_Is400Not500()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();

        var response = await http.SendAsync(Signed("/api/slack/interactions", "payload=%7Bnot-json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<Guid> WorkspaceIdAsync(PmBotApp app)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PmBot.Core.Ports.IPmStore>(scope.ServiceProvider);
        return (await store.FindWorkspaceAsync(PmBot.Core.Domain.ChannelKind.Slack, "T0001", CancellationToken.None))!.Id;
    }

    /// <summary>What Slack posts when the modal is submitted: state.values[block_id][action_id] per input.</summary>
    private static string Submission(JsonObject view, string user, string? role, string trigger)
    {
        var values = new JsonObject();
        foreach (var block in view["blocks"]!.AsArray())
        {
            if (block!["element"] is not JsonObject element)
                continue;
            var type = (string)element["type"]!;
            var blockId = (string)block["block_id"]!;
            JsonObject state = type switch
            {
                "users_select" => new() { ["type"] = type, ["selected_user"] = user },
                "static_select" => new() { ["type"] = type, ["selected_option"] = role is null ? null : new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = role }, ["value"] = role } },
                _ => new() { ["type"] = type, ["value"] = element["initial_value"]?.GetValue<string>() },
            };
            values[blockId] = new JsonObject { [(string)element["action_id"]!] = state };
        }
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = "T0001", ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = "U0ANN0001", ["name"] = "ann", ["team_id"] = "T0001" },
            ["api_app_id"] = "A123456",
            ["trigger_id"] = trigger,
            ["view"] = new JsonObject
            {
                ["id"] = "V0001", ["hash"] = "h" + trigger, ["type"] = "modal",
                ["callback_id"] = view["callback_id"]!.DeepClone(),
                ["private_metadata"] = view["private_metadata"]!.DeepClone(),
                ["state"] = new JsonObject { ["values"] = values },
            },
        }.ToJsonString();
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PmBot.Server.Tests.Infrastructure;
using PmBot.TestSupport.Teams;

namespace PmBot.Server.Tests.Teams;

/// <summary>Teams over HTTP: Bot Framework activities in, a loopback fake Bot Connector out.</summary>
public sealed class TeamsEndpointTests : IAsyncLifetime
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private FakeBotConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private string ServiceUrl => new Uri(_connector.BaseAddress, "teams").ToString();

    private Task<PmBotApp> StartAsync(Store store = Store.Sqlite, Dictionary<string, string?>? settings = null) =>
        PmBotApp.StartAsync(store, settings ?? new Dictionary<string, string?> { ["PmBot:Teams:AllowUnauthenticated"] = "true" });

    private JsonObject Activity(string type, string id, string conversation = "a:1personalChat", string conversationType = "personal") => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["timestamp"] = "2026-11-23T09:00:00.000Z",
        ["serviceUrl"] = ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:1ann", ["name"] = "Ann Lee", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000a1" },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = conversationType, ["tenantId"] = Tenant },
        ["recipient"] = new JsonObject { ["id"] = "28:pmbot", ["name"] = "PmBot" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        ["locale"] = "en-US",
    };

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private async Task<IReadOnlyList<RecordedRequest>> WaitForSendsAsync(int count)
    {
        for (var i = 0; i < 100 && Sends().Count < count; i++)
            await Task.Delay(100);
        return Sends();
    }

    private List<RecordedRequest> Sends() =>
        _connector.ConnectorRequests.Where(r => r.Method == "POST" && r.RawTarget.EndsWith("/activities", StringComparison.Ordinal)
            && r.Json?["type"]?.GetValue<string>() == "message").ToList();

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Message_Help_IsAnsweredWithACardInTheConversation(Store store)
    {
        await using var app = await StartAsync(store);
        using var http = app.CreateClient();
        var message = Activity("message", "1700000000001");
        message["text"] = "help";

        var response = await http.PostAsync("/api/messages", Json(message));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var send = Assert.Single(await WaitForSendsAsync(1));
        Assert.Equal("/teams/v3/conversations/a%3A1personalChat/activities", send.RawTarget);
        Assert.Null(send.Authorization); // local mode: no credentials, so no token
        var card = send.Json!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)card["contentType"]!);
        Assert.Contains("PmBot commands", card["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_DeliveredTwice_IsAnsweredOnce()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();
        var message = Activity("message", "1700000000002");
        message["text"] = "project create \"Apollo\"";

        await http.PostAsync("/api/messages", Json(message));
        await http.PostAsync("/api/messages", Json(message));

        await WaitForSendsAsync(1);
        await Task.Delay(800);
        Assert.Single(Sends());
        Assert.Contains("APOLLO", Sends()[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_WithoutAToken_AreRefusedWhenAnAppIdIsConfigured()
    {
        await using var app = await StartAsync(settings: new() { ["PmBot:Teams:AppId"] = "9b2f9d6e-0000-4000-8000-000000000001", ["PmBot:Teams:AllowUnauthenticated"] = "true" });
        using var http = app.CreateClient();
        var message = Activity("message", "1700000000003");
        message["text"] = "help";

        var response = await http.PostAsync("/api/messages", Json(message));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await Task.Delay(300);
        Assert.Empty(Sends());
    }

    [Fact]
    public async Task InstallationUpdate_Add_WelcomesInTheConversation()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();
        var install = Activity("installationUpdate", "f:install-1");
        install["action"] = "add";

        var response = await http.PostAsync("/api/messages", Json(install));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(await WaitForSendsAsync(1));
        Assert.Contains("PmBot", welcome.Body, StringComparison.Ordinal);
        Assert.Contains("Action.Execute", welcome.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardAction_FormWithAnError_ThenFixed_AnswersInTheInvokeResponse()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();
        var create = Activity("message", "1700000000004");
        create["text"] = "project create \"Apollo\"";
        await http.PostAsync("/api/messages", Json(create));
        await WaitForSendsAsync(1);

        JsonObject Invoke(string id, string? role) => new JsonObject(Activity("invoke", id).Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())))
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["trigger"] = "manual",
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute", ["verb"] = "pmbot",
                    ["data"] = new JsonObject { ["pmbot"] = new JsonObject { ["form"] = "member add" }, ["user"] = "<@29:1bob|Bob>", ["role"] = role, ["project"] = "APOLLO" },
                },
            },
        };

        var invalid = await http.PostAsync("/api/messages", Json(Invoke("1700000000005", "boss")));
        var invalidBody = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!;
        var valid = await http.PostAsync("/api/messages", Json(Invoke("1700000000006", "member")));
        var validBody = JsonNode.Parse(await valid.Content.ReadAsStringAsync())!;

        Assert.Equal(200, (int)invalidBody["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.activity.message", (string)invalidBody["type"]!);
        Assert.Contains("\"boss\" is not one of: pm, member, stakeholder.", (string)invalidBody["value"]!, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)validBody["type"]!);
        Assert.Contains("Bob joined APOLLO as Member.", validBody["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ConnectorAnswers403_TheConversationIsBlockedAndNothingMoreIsSent()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();
        _connector.Enqueue(new ScriptedAnswer(403, Body: """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}"""));
        var first = Activity("message", "1700000000007");
        first["text"] = "help";
        await http.PostAsync("/api/messages", Json(first));
        for (var i = 0; i < 50 && _connector.ConnectorRequests.Count == 0; i++)
            await Task.Delay(100);
        await Task.Delay(500);

        var maintenance = app.Get<PmBot.Storage.Maintenance>();
        var dead = Assert.Single(await maintenance.DeadOutboxAsync(10, CancellationToken.None));
        Assert.Contains("403", dead.LastError ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_ForThePlayground_Is200()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();

        var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/messages"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

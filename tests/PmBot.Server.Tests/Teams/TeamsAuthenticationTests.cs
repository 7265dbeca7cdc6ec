using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PmBot.Server.Tests.Infrastructure;
using PmBot.TestSupport.Teams;

namespace PmBot.Server.Tests.Teams;

/// <summary>Production mode: an app id, Bot Framework JWTs checked against (loopback) OpenID metadata, a bot token out.</summary>
public sealed class TeamsAuthenticationTests : IAsyncLifetime
{
    private const string AppId = "6a9f1c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
    private FakeBotFrameworkIdentity _identity = null!;
    private FakeBotConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _identity = await FakeBotFrameworkIdentity.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private string ServiceUrl => new Uri(_connector.BaseAddress, "teams").ToString();

    private Task<PmBotApp> StartAsync() => PmBotApp.StartAsync(Store.Sqlite, new Dictionary<string, string?>
    {
        ["PmBot:Teams:AppId"] = AppId,
        ["PmBot:Teams:AppPassword"] = "bot-secret",
        ["PmBot:Teams:ChannelMetadataUrl"] = _identity.ChannelMetadataUrl.ToString(),
        ["PmBot:Teams:LoginBaseAddress"] = _connector.BaseAddress.ToString(),
    });

    private HttpRequestMessage Message(string id, string text, string? token)
    {
        var activity = new JsonObject
        {
            ["type"] = "message", ["id"] = id, ["serviceUrl"] = ServiceUrl, ["channelId"] = "msteams", ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "29:1ann", ["name"] = "Ann Lee", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000a1" },
            ["conversation"] = new JsonObject { ["id"] = "a:1personal", ["conversationType"] = "personal", ["tenantId"] = "t-0001" },
            ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "PmBot" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [Fact]
    public async Task Message_WithAValidChannelToken_IsAnsweredWithTheBotsOwnToken()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();

        var response = await http.SendAsync(Message("1", "help", _identity.MintChannelToken(AppId, ServiceUrl, TimeProvider.System.GetUtcNow())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        for (var i = 0; i < 100 && !_connector.ConnectorRequests.Any(r => r.Method == "POST"); i++)
            await Task.Delay(100);
        var send = Assert.Single(_connector.ConnectorRequests, r => r.Method == "POST");
        Assert.StartsWith("Bearer token-", send.Authorization, StringComparison.Ordinal);
        Assert.Contains("client_secret=bot-secret", Assert.Single(_connector.TokenRequests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_WithABadOrMissingToken_Is401AndUnanswered()
    {
        await using var app = await StartAsync();
        using var http = app.CreateClient();
        var now = TimeProvider.System.GetUtcNow();

        var wrongAudience = await http.SendAsync(Message("2", "help", _identity.MintChannelToken("another-bot", ServiceUrl, now)));
        var otherServiceUrl = await http.SendAsync(Message("3", "help", _identity.MintChannelToken(AppId, "https://evil.example/", now)));
        var none = await http.SendAsync(Message("4", "help", null));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherServiceUrl.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        await Task.Delay(500);
        Assert.Empty(_connector.ConnectorRequests);
    }
}

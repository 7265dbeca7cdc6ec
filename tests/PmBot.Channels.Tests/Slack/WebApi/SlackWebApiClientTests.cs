using System.Text.Json.Nodes;
using PmBot.Channels.Slack;
using PmBot.Channels.Tests.Slack.Fakes;
using PmBot.TestSupport.Slack;

namespace PmBot.Channels.Tests.Slack.WebApi;

public class SlackWebApiClientTests
{
    private static readonly JsonArray Blocks = [new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "hi" } }];

    [Fact]
    public async Task PostMessageAsync_Ok_SendsBearerTokenJsonBodyAndOutboxMetadata()
    {
        await using var f = await SlackClientFixture.StartAsync();

        var posted = await f.Client.PostMessageAsync(SlackClientFixture.A, "C1", "hi", Blocks, SlackMessageMetadata.Outbox("key-1"));

        var request = Assert.Single(f.Fake.Requests);
        Assert.Equal("chat.postMessage", request.Method);
        Assert.Equal("Bearer " + SlackClientFixture.TokenA, request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        var body = request.Json;
        Assert.Equal("C1", (string)body["channel"]!);
        Assert.Equal("section", (string)body["blocks"]![0]!["type"]!);
        Assert.Equal("pmbot_outbox", (string)body["metadata"]!["event_type"]!);
        Assert.Equal("key-1", (string)body["metadata"]!["event_payload"]!["key"]!);
        Assert.DoesNotContain(SlackClientFixture.TokenA, request.Body, StringComparison.Ordinal);
        Assert.Equal("C1", posted.Channel);
        Assert.Equal(f.Fake.Posted.Single().Ts, posted.Ts);
    }

    [Fact]
    public async Task PostMessageAsync_RateLimited_WaitsRetryAfterThenSucceeds()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Script("chat.postMessage", FakeResponse.RateLimited(1));

        await f.Client.PostMessageAsync(SlackClientFixture.A, "C1", "hi");

        var requests = f.Fake.RequestsFor("chat.postMessage");
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAtMs - requests[0].ReceivedAtMs >= 950, $"waited {requests[1].ReceivedAtMs - requests[0].ReceivedAtMs} ms");
        Assert.Single(f.Fake.Posted);
    }

    [Fact]
    public async Task PostMessageAsync_RetryAfterBeyondMaxWait_ThrowsRateLimitedWithRetryAfter()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Script("chat.postMessage", FakeResponse.RateLimited(120));

        var ex = await Assert.ThrowsAsync<SlackRateLimitedException>(() => f.Client.PostMessageAsync(SlackClientFixture.A, "C1", "hi"));

        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Equal("ratelimited", ex.Error);
        Assert.Single(f.Fake.Requests);
    }

    [Fact]
    public async Task PostMessageAsync_ServerError_IsNotRetried()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Script("chat.postMessage", FakeResponse.ServerError());

        var ex = await Assert.ThrowsAsync<SlackUnavailableException>(() => f.Client.PostMessageAsync(SlackClientFixture.A, "C1", "hi"));

        Assert.Equal("http_500", ex.Reason);
        Assert.Single(f.Fake.Requests);
    }

    [Fact]
    public async Task PostMessageAsync_Timeout_IsNotRetried()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Script("chat.postMessage", FakeResponse.Slow(TimeSpan.FromSeconds(10)));

        var ex = await Assert.ThrowsAsync<SlackUnavailableException>(() => f.Client.PostMessageAsync(SlackClientFixture.A, "C1", "hi"));

        Assert.Equal("timeout", ex.Reason);
        Assert.Single(f.Fake.Requests);
    }

    [Theory]
    [InlineData("chat.postEphemeral")]
    [InlineData("views.open")]
    public async Task NonIdempotentMethod_ServerError_IsNotRetried(string method)
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Script(method, FakeResponse.ServerError());

        await Assert.ThrowsAsync<SlackUnavailableException>(() => method == "views.open"
            ? f.Client.OpenViewAsync(SlackClientFixture.A, "trigger", new JsonObject { ["type"] = "modal" })
            : f.Client.PostEphemeralAsync(SlackClientFixture.A, "C1", "U1", "psst"));

        Assert.Single(f.Fake.Requests);
    }

    [Fact]
    public async Task GetUserInfoAsync_ServerErrorThenOk_RetriesIdempotentMethod()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Users["U1"] = User("U1");
        f.Fake.Script("users.info", FakeResponse.ServerError());

        var user = await f.Client.GetUserInfoAsync(SlackClientFixture.A, "U1");

        Assert.Equal(2, f.Fake.RequestsFor("users.info").Count);
        Assert.Equal("Europe/Berlin", user.TimeZone);
        Assert.Equal(3600, user.TimeZoneOffsetSeconds);
        Assert.Equal("de-DE", user.Locale);
        Assert.Equal("Ada Lovelace", user.RealName);
        Assert.Equal("ada", user.DisplayName);
    }

    [Fact]
    public async Task GetHistoryAsync_TimeoutThenOk_RetriesIdempotentMethod()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Script("conversations.history", FakeResponse.Slow(TimeSpan.FromSeconds(10)));

        var page = await f.Client.GetHistoryAsync(SlackClientFixture.A, "C1");

        Assert.Empty(page.Messages);
        Assert.Equal(2, f.Fake.RequestsFor("conversations.history").Count);
        var form = f.Fake.Requests[0].Form;
        Assert.Equal("true", form["include_all_metadata"]);
        Assert.StartsWith("application/x-www-form-urlencoded", f.Fake.Requests[0].ContentType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chat.update")]
    [InlineData("views.publish")]
    [InlineData("views.update")]
    [InlineData("conversations.open")]
    public async Task IdempotentMethod_ServerError_IsRetried(string method)
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Script(method, FakeResponse.ServerError(), FakeResponse.ServerError());
        var view = new JsonObject { ["type"] = "home" };

        Task call = method switch
        {
            "chat.update" => f.Client.UpdateMessageAsync(SlackClientFixture.A, "C1", "1.2", "edited"),
            "views.publish" => f.Client.PublishViewAsync(SlackClientFixture.A, "U1", view),
            "views.update" => f.Client.UpdateViewAsync(SlackClientFixture.A, "V1", view, "h0"),
            _ => f.Client.OpenConversationAsync(SlackClientFixture.A, "U1"),
        };
        await call;

        Assert.Equal(3, f.Fake.RequestsFor(method).Count);
    }

    [Fact]
    public async Task PostMessageAsync_OkFalse_ThrowsWithSlackErrorAndWarning()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Script("chat.postMessage", FakeResponse.Fail("channel_not_found", "superfluous_charset"));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => f.Client.PostMessageAsync(SlackClientFixture.A, "C404", "hi"));

        Assert.Equal("chat.postMessage", ex.Method);
        Assert.Equal("channel_not_found", ex.Error);
        Assert.Equal("superfluous_charset", ex.Warning);
        Assert.Single(f.Fake.Requests);
    }

    [Fact]
    public async Task CircuitBreaker_OneWorkspaceFailing_OpensForItButNotForAnother()
    {
        await using var f = await SlackClientFixture.StartAsync(o => o.MaxTransientRetries = 0);
        f.Fake.Users["U1"] = User("U1");
        f.Fake.Responder = r => r.Authorization == "Bearer " + SlackClientFixture.TokenA ? FakeResponse.ServerError() : null;

        for (var i = 0; i < 3; i++)
            await Assert.ThrowsAsync<SlackUnavailableException>(() => f.Client.OpenConversationAsync(SlackClientFixture.A, "U1"));
        var open = await Assert.ThrowsAsync<SlackUnavailableException>(() => f.Client.OpenConversationAsync(SlackClientFixture.A, "U1"));
        var other = await f.Client.OpenConversationAsync(SlackClientFixture.B, "U1");

        Assert.True(open.IsCircuitOpen);
        Assert.NotNull(open.RetryAfter);
        Assert.Equal("DU1", other);
        Assert.Equal(3, f.Fake.Requests.Count(r => r.Authorization == "Bearer " + SlackClientFixture.TokenA));
        Assert.Equal(1, f.Fake.Requests.Count(r => r.Authorization == "Bearer " + SlackClientFixture.TokenB));
    }

    [Fact]
    public async Task GetUserInfoAsync_SameWorkspaceAndUser_IsCached()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Users["U1"] = User("U1");

        await f.Client.GetUserInfoAsync(SlackClientFixture.A, "U1");
        await f.Client.GetUserInfoAsync(SlackClientFixture.A, "U1");
        await f.Client.GetUserInfoAsync(SlackClientFixture.B, "U1");

        Assert.Equal(2, f.Fake.RequestsFor("users.info").Count);
    }

    [Fact]
    public async Task UploadFileAsync_ThreeSteps_UploadsBytesAndCompletesIntoChannel()
    {
        await using var f = await SlackClientFixture.StartAsync();
        var bytes = "fake-png-bytes"u8.ToArray();

        var id = await f.Client.UploadFileAsync(SlackClientFixture.A, "C1", new SlackFileUpload("burndown.png", bytes, "Burndown", "Burndown chart"), "Here it is");

        Assert.Equal("F1", id);
        Assert.Equal(["files.getUploadURLExternal", "upload", "files.completeUploadExternal"], f.Fake.Requests.Select(r => r.Method));
        var ticket = f.Fake.Requests[0].Form;
        Assert.Equal("burndown.png", ticket["filename"]);
        Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ticket["length"]);
        Assert.Equal("Burndown chart", ticket["alt_txt"]);
        Assert.Equal(bytes, f.Fake.LastUpload);
        Assert.Null(f.Fake.Requests[1].Authorization);
        var complete = f.Fake.Requests[2].Form;
        Assert.Equal("C1", complete["channel_id"]);
        Assert.Equal("F1", (string)JsonNode.Parse(complete["files"])![0]!["id"]!);
    }

    [Fact]
    public async Task ExchangeOAuthCodeAsync_FormWithClientCredentials_ReturnsBotTokenAndTeam()
    {
        await using var f = await SlackClientFixture.StartAsync();

        var access = await f.Client.ExchangeOAuthCodeAsync("cid", "s3cret", "code-1", "https://host/api/slack/oauth/callback");

        var request = Assert.Single(f.Fake.Requests);
        Assert.Null(request.Authorization);
        Assert.Equal("code-1", request.Form["code"]);
        Assert.Equal("xoxb-installed", access.AccessToken);
        Assert.Equal("T1", access.TeamId);
        Assert.Equal("UBOT", access.BotUserId);
        Assert.DoesNotContain("xoxb-installed", access.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenSocketModeConnectionAsync_AppToken_SentInHeaderOnly()
    {
        await using var f = await SlackClientFixture.StartAsync();

        var url = await f.Client.OpenSocketModeConnectionAsync("xapp-1-SECRET");

        Assert.Equal("ws", url.Scheme);
        var request = Assert.Single(f.Fake.Requests);
        Assert.Equal("Bearer xapp-1-SECRET", request.Authorization);
        Assert.DoesNotContain("xapp", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("xapp", request.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_AreLogged_WithoutTheToken()
    {
        await using var f = await SlackClientFixture.StartAsync(o => o.MaxTransientRetries = 1);
        f.Fake.Script("chat.postMessage", FakeResponse.Fail("invalid_auth"), FakeResponse.ServerError(), FakeResponse.RateLimited(60),
            FakeResponse.Slow(TimeSpan.FromSeconds(10)));
        f.Fake.Script("users.info", FakeResponse.ServerError(), FakeResponse.ServerError());

        for (var i = 0; i < 4; i++)
            await Assert.ThrowsAnyAsync<Exception>(() => f.Client.PostMessageAsync(SlackClientFixture.A, "C1", "hi"));
        await Assert.ThrowsAnyAsync<Exception>(() => f.Client.GetUserInfoAsync(SlackClientFixture.B, "U1"));
        await Assert.ThrowsAnyAsync<Exception>(() => f.Client.ExchangeOAuthCodeAsync("cid", "wrong-s3cret-value", "c"));

        Assert.True(f.Logs.AllText.Contains("invalid_auth", StringComparison.Ordinal), f.Logs.AllText);
        Assert.Contains(f.Logs.Lines, l => l.Contains("retry 1", StringComparison.Ordinal));
        Assert.Contains(f.Logs.Lines, l => l.Contains("circuit", StringComparison.Ordinal));
        Assert.DoesNotContain("SECRET", f.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-s3cret-value", f.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackClientFixture.TokenA, SlackClientFixture.A.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToSlackTs_Moment_IsSecondsDotMicros()
    {
        Assert.Equal("1700000000.000123", SlackWebApiClient.ToSlackTs(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddTicks(1230)));
    }

    internal static JsonObject User(string id) => new()
    {
        ["id"] = id,
        ["name"] = "ada",
        ["real_name"] = "Ada L.",
        ["tz"] = "Europe/Berlin",
        ["tz_offset"] = 3600,
        ["locale"] = "de-DE",
        ["profile"] = new JsonObject { ["real_name"] = "Ada Lovelace", ["display_name"] = "ada" },
    };
}

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PmBot.Channels.Teams.Outbound;
using PmBot.Channels.Tests.Teams.Outbound.Fakes;

using PmBot.TestSupport.Teams;

namespace PmBot.Channels.Tests.Teams.Outbound;

public class BotConnectorClientTests
{
    private const string TeamsConversationId = "19:abc@thread.tacv2;messageid=1234";
    private static readonly JsonObject Activity = new() { ["type"] = "message", ["text"] = "hi" };

    [Fact]
    public async Task SendAsync_ConversationIdWithSpecialCharacters_EncodedAndRelativeToServiceUrl()
    {
        await using var f = await ConnectorFixture.StartAsync();

        var id = await f.Client.SendAsync(f.ServiceUrl, TeamsConversationId, Activity);

        Assert.Equal("activity-1", id);
        var request = Assert.Single(f.Fake.ConnectorRequests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1234/activities", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Authorization);
        Assert.Equal("hi", (string?)request.Json!["text"]);
    }

    [Fact]
    public async Task SendAsync_ServiceUrlWithTrailingSlash_SamePath()
    {
        await using var f = await ConnectorFixture.StartAsync();

        await f.Client.SendAsync(new Uri(f.Fake.BaseAddress, "teams/"), "a:1", Activity);

        Assert.Equal("/teams/v3/conversations/a%3A1/activities", Assert.Single(f.Fake.ConnectorRequests).RawTarget);
    }

    [Fact]
    public async Task GetTokenAsync_RepeatedCalls_CachedUntilFiveMinutesBeforeExpiry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        await using var f = await ConnectorFixture.StartAsync(time: time);

        await f.Client.SendAsync(f.ServiceUrl, "a:1", Activity);
        await f.Client.SendAsync(f.ServiceUrl, "a:1", Activity);
        time.Advance(TimeSpan.FromMinutes(54));
        await f.Client.SendAsync(f.ServiceUrl, "a:1", Activity);
        time.Advance(TimeSpan.FromMinutes(2));
        await f.Client.SendAsync(f.ServiceUrl, "a:1", Activity);

        var token = Assert.Single(f.Fake.TokenRequests.Take(1));
        Assert.Equal(2, f.Fake.TokenRequests.Count);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", token.RawTarget);
        Assert.Contains("grant_type=client_credentials", token.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=11111111-2222-3333-4444-555555555555", token.Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", token.Body, StringComparison.Ordinal);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-1", "Bearer token-2"], f.Fake.ConnectorRequests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task GetTokenAsync_SingleTenant_UsesTenantAuthority()
    {
        await using var f = await ConnectorFixture.StartAsync(configure: o => o.TenantId = "72f988bf-0000-0000-0000-000000000000");

        await f.Client.SendAsync(f.ServiceUrl, "a:1", Activity);

        Assert.Equal("/72f988bf-0000-0000-0000-000000000000/oauth2/v2.0/token", Assert.Single(f.Fake.TokenRequests).RawTarget);
    }

    [Fact]
    public async Task SendAsync_UntrustedServiceUrl_ThrowsAndSendsNothing()
    {
        await using var f = await ConnectorFixture.StartAsync();

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => f.Client.SendAsync(new Uri(f.Fake.BaseAddress, "evil/"), "a:1", Activity));

        Assert.Empty(f.Fake.Requests);
    }

    [Fact]
    public async Task SendAsync_NoCredentials_NoAuthorizationHeaderAndAnyServiceUrl()
    {
        await using var f = await ConnectorFixture.StartAsync(credentials: false);

        await f.Client.SendAsync(new Uri(f.Fake.BaseAddress, "playground/"), "a:1", Activity);

        var request = Assert.Single(f.Fake.Requests);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task UpdateAsync_502Then412_RetriedUntilSuccess()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Fake.Enqueue(new ScriptedAnswer(502), new ScriptedAnswer(412));

        await f.Client.UpdateAsync(f.ServiceUrl, "a:1", "act-9", Activity);

        Assert.Equal(3, f.Fake.ConnectorRequests.Count);
        Assert.All(f.Fake.ConnectorRequests, r => Assert.Equal("PUT", r.Method));
        Assert.EndsWith("/activities/act-9", f.Fake.ConnectorRequests[0].RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_502_NotRetriedThrowsTransient()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Fake.Enqueue(new ScriptedAnswer(502));

        var ex = await Assert.ThrowsAsync<BotConnectorTransientException>(() => f.Client.SendAsync(f.ServiceUrl, "a:1", Activity));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Single(f.Fake.ConnectorRequests);
    }

    [Fact]
    public async Task SendAsync_429WithShortRetryAfter_WaitsAndRetries()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Fake.Enqueue(new ScriptedAnswer(429, RetryAfterSeconds: 1));
        var started = TimeProvider.System.GetTimestamp();

        await f.Client.SendAsync(f.ServiceUrl, "a:1", Activity);

        Assert.Equal(2, f.Fake.ConnectorRequests.Count);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task SendAsync_429WithLongRetryAfter_ThrowsRateLimitedWithRetryAfter()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Fake.Enqueue(new ScriptedAnswer(429, RetryAfterSeconds: 120));

        var ex = await Assert.ThrowsAsync<BotConnectorRateLimitedException>(() => f.Client.SendAsync(f.ServiceUrl, "a:1", Activity));

        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Single(f.Fake.ConnectorRequests);
    }

    [Fact]
    public async Task DeleteAsync_403_ThrowsForbiddenWithoutRetry()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Fake.Enqueue(new ScriptedAnswer(403, Body: """{"error":{"code":"BotNotInConversationRoster","message":"x"}}"""));

        var ex = await Assert.ThrowsAsync<BotConnectorForbiddenException>(() => f.Client.DeleteAsync(f.ServiceUrl, "a:1", "act-1"));

        Assert.Contains("BotNotInConversationRoster", ex.Message, StringComparison.Ordinal);
        Assert.Single(f.Fake.ConnectorRequests);
    }

    [Fact]
    public async Task ReplyAsync_413_ThrowsMessageTooLarge()
    {
        await using var f = await ConnectorFixture.StartAsync();
        f.Fake.Enqueue(new ScriptedAnswer(413));

        await Assert.ThrowsAsync<MessageTooLargeException>(() => f.Client.ReplyAsync(f.ServiceUrl, "a:1", "1:reply", Activity));

        var request = Assert.Single(f.Fake.ConnectorRequests);
        Assert.EndsWith("/v3/conversations/a%3A1/activities/1%3Areply", request.RawTarget, StringComparison.Ordinal);
        Assert.Equal("1:reply", (string?)request.Json!["replyToId"]);
    }

    [Fact]
    public async Task CreateConversationAsync_Member_PostsBotMemberTenantAndReturnsId()
    {
        await using var f = await ConnectorFixture.StartAsync();

        var created = await f.Client.CreateConversationAsync(f.ServiceUrl, "28:bot", "29:user", "tenant-1");

        Assert.Equal(FakeBotConnector.CreatedConversationId, created.Id);
        var body = Assert.Single(f.Fake.ConnectorRequests).Json!;
        Assert.Equal("28:bot", (string?)body["bot"]!["id"]);
        Assert.Equal("29:user", (string?)body["members"]![0]!["id"]);
        Assert.Equal("tenant-1", (string?)body["channelData"]!["tenant"]!["id"]);
        Assert.False((bool)body["isGroup"]!);
    }

    [Fact]
    public async Task GetMembersAsync_Conversation_ReturnsMembers()
    {
        await using var f = await ConnectorFixture.StartAsync();

        var members = await f.Client.GetMembersAsync(f.ServiceUrl, "19:x@thread.tacv2");

        Assert.Equal("29:user-1", Assert.Single(members).Id);
        Assert.Equal("/teams/v3/conversations/19%3Ax%40thread.tacv2/members", f.Fake.ConnectorRequests[0].RawTarget);
    }
}

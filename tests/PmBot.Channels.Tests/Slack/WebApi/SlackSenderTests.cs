using PmBot.Channels.Slack;
using PmBot.Channels.Tests.Slack.Fakes;
using PmBot.TestSupport.Slack;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;

namespace PmBot.Channels.Tests.Slack.WebApi;

public class SlackSenderTests
{
    private static readonly Guid Workspace = Guid.Parse("6c1a4f0e-52b4-4a8e-9d55-2a4a3c0d7e01");
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static OutboxMessage Row(string conversation, int attempts = 1, string key = "task-assigned:42", OutboundMessage? message = null) => new()
    {
        Channel = ChannelKind.Slack,
        WorkspaceId = Workspace,
        ConversationId = conversation,
        IdempotencyKey = key,
        Payload = (message ?? OutboundMessage.Text("Task *42* is yours")).ToJson(),
        CreatedAt = T0,
        NextAttemptAt = T0,
        Attempts = attempts,
    };

    private static (SlackSender Sender, StubSlackRenderer Renderer) Sender(SlackClientFixture f)
    {
        var tokens = new StubSlackTokens();
        tokens.Tokens[Workspace] = SlackClientFixture.TokenA;
        var renderer = new StubSlackRenderer();
        return (new SlackSender(f.Client, tokens, renderer, f.WrappedOptions, f.Logs.For<SlackSender>()), renderer);
    }

    [Fact]
    public async Task SendAsync_UserTarget_OpensTheDmThenPostsWithTheKeyInMetadata()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Now = T0.AddSeconds(1);
        var (sender, _) = Sender(f);

        var result = await sender.SendAsync(Row("user:U123"), default);

        Assert.Equal(SendResult.Sent, result);
        Assert.Equal(["conversations.open", "chat.postMessage"], f.Fake.Requests.Select(r => r.Method));
        Assert.Equal("U123", (string)f.Fake.Requests[0].Json["users"]!);
        var post = Assert.Single(f.Fake.Posted);
        Assert.Equal("DU123", post.Channel);
        Assert.Equal("Task *42* is yours", post.Text);
        Assert.Equal("pmbot_outbox", (string)post.Metadata!["event_type"]!);
        Assert.Equal("task-assigned:42", (string)post.Metadata["event_payload"]!["key"]!);
    }

    [Fact]
    public async Task SendAsync_ServerErrorOnPost_RetriesLaterAndNextAttemptPostsOnce()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Now = T0.AddSeconds(1);
        f.Fake.Script("chat.postMessage", FakeResponse.ServerError());
        var (sender, _) = Sender(f);

        var first = await sender.SendAsync(Row("C1"), default);
        var second = await sender.SendAsync(Row("C1", attempts: 2), default);

        Assert.Equal(SendOutcome.Retry, first.Outcome);
        Assert.Equal(SendResult.Sent, second);
        Assert.Equal(["chat.postMessage", "conversations.history", "chat.postMessage"], f.Fake.Requests.Select(r => r.Method));
        Assert.Single(f.Fake.Posted);
    }

    [Fact]
    public async Task SendAsync_PostedButResponseLost_NextAttemptFindsItAndDoesNotPostAgain()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Now = T0.AddSeconds(1);
        f.Fake.Script("chat.postMessage", FakeResponse.ProcessedThenServerError());
        var (sender, _) = Sender(f);

        var first = await sender.SendAsync(Row("C1"), default);
        var second = await sender.SendAsync(Row("C1", attempts: 2), default);

        Assert.Equal(SendOutcome.Retry, first.Outcome);
        Assert.Equal(SendResult.Sent, second);
        Assert.Single(f.Fake.RequestsFor("chat.postMessage"));
        Assert.Single(f.Fake.Posted);
        var history = Assert.Single(f.Fake.RequestsFor("conversations.history")).Form;
        Assert.Equal(SlackWebApiClient.ToSlackTs(T0 - f.Options.HistoryClockSkew), history["oldest"]);
    }

    [Fact]
    public async Task SendAsync_PostedButTimedOut_NextAttemptDoesNotPostAgain()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Now = T0.AddSeconds(1);
        f.Fake.Script("chat.postMessage", FakeResponse.ProcessedThenSlow(TimeSpan.FromSeconds(10)));
        var (sender, _) = Sender(f);

        var first = await sender.SendAsync(Row("C1"), default);
        var second = await sender.SendAsync(Row("C1", attempts: 2), default);

        Assert.Equal(SendOutcome.Retry, first.Outcome);
        Assert.Contains("timeout", first.Error, StringComparison.Ordinal);
        Assert.Equal(SendResult.Sent, second);
        Assert.Single(f.Fake.Posted);
    }

    [Fact]
    public async Task SendAsync_OtherRowsPostsInHistory_DoNotCountAsThisRow()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Now = T0.AddSeconds(1);
        var (sender, _) = Sender(f);
        await sender.SendAsync(Row("C1", key: "other"), default);

        var result = await sender.SendAsync(Row("C1", attempts: 3), default);

        Assert.Equal(SendResult.Sent, result);
        Assert.Equal(2, f.Fake.Posted.Count);
    }

    [Fact]
    public async Task SendAsync_SeveralPages_ARetryPostsOnlyThePagesNotYetThere()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Now = T0.AddSeconds(1);
        var (sender, renderer) = Sender(f);
        renderer.BlocksPerPage = 1;
        var message = new MessageBuilder().Heading("One").Text("Two").Text("Three").Build();
        f.Fake.Script("chat.postMessage", new FakeResponse(), FakeResponse.ProcessedThenServerError());

        var first = await sender.SendAsync(Row("C1", message: message), default);
        var second = await sender.SendAsync(Row("C1", attempts: 2, message: message), default);

        Assert.Equal(SendOutcome.Retry, first.Outcome);
        Assert.Equal(SendResult.Sent, second);
        Assert.Equal(["One", "Two", "Three"], f.Fake.Posted.Select(p => (string)p.Blocks![0]!["text"]!["text"]!));
        Assert.Equal([0, 1, 2], f.Fake.Posted.Select(p => (int)p.Metadata!["event_payload"]!["page"]!));
    }

    [Fact]
    public async Task SendAsync_RateLimitedBeyondWait_RetriesWithSlacksRetryAfter()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Script("chat.postMessage", FakeResponse.RateLimited(90));
        var (sender, _) = Sender(f);

        var result = await sender.SendAsync(Row("C1"), default);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(90), result.RetryAfter);
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("account_inactive")]
    [InlineData("token_revoked")]
    [InlineData("invalid_auth")]
    [InlineData("is_archived")]
    [InlineData("invalid_blocks")]
    public async Task SendAsync_PermanentSlackError_IsDeadWithTheCode(string error)
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Script("chat.postMessage", FakeResponse.Fail(error));
        var (sender, _) = Sender(f);

        var result = await sender.SendAsync(Row("C1"), default);

        Assert.Equal(SendOutcome.Dead, result.Outcome);
        Assert.Contains(error, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ratelimited")]
    [InlineData("internal_error")]
    public async Task SendAsync_TransientSlackError_IsRetried(string error)
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Script("chat.postMessage", FakeResponse.Fail(error));
        var (sender, _) = Sender(f);

        var result = await sender.SendAsync(Row("C1"), default);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
    }

    [Fact]
    public async Task SendAsync_DmCannotBeOpened_IsDead()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Script("conversations.open", FakeResponse.Fail("user_not_found"));
        var (sender, _) = Sender(f);

        var result = await sender.SendAsync(Row("user:U404"), default);

        Assert.Equal(SendOutcome.Dead, result.Outcome);
        Assert.Empty(f.Fake.Posted);
    }

    [Fact]
    public async Task SendAsync_WorkspaceNotInstalled_IsDeadWithoutCallingSlack()
    {
        await using var f = await SlackClientFixture.StartAsync();
        var sender = new SlackSender(f.Client, new StubSlackTokens(), new StubSlackRenderer(), f.WrappedOptions, f.Logs.For<SlackSender>());

        var result = await sender.SendAsync(Row("C1"), default);

        Assert.Equal(SendOutcome.Dead, result.Outcome);
        Assert.Equal("workspace not installed or uninstalled", result.Error);
        Assert.Empty(f.Fake.Requests);
    }

    [Fact]
    public async Task Limits_Default_AboutOneMessageASecondPerConversationWithASmallBurst()
    {
        await using var f = await SlackClientFixture.StartAsync(o => o.PerWorkspacePerSecond = 7);
        var (sender, _) = Sender(f);

        Assert.Equal(ChannelKind.Slack, sender.Channel);
        Assert.Equal(1, sender.Limits.PerConversationPerSecond);
        Assert.InRange(sender.Limits.PerConversationBurst, 1, 5);
        Assert.Equal(7, sender.Limits.PerWorkspacePerSecond);
    }
}

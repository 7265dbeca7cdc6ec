using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PmBot.Channels.Teams.Outbound;
using PmBot.Channels.Tests.Teams.Outbound.Fakes;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;

using PmBot.TestSupport.Teams;

namespace PmBot.Channels.Tests.Teams.Outbound;

public class TeamsSenderTests
{
    private static readonly Guid Workspace = Guid.Parse("6a3c1a52-5d57-4bbd-9d5a-1f0f7c1d2e3f");

    private static (TeamsSender Sender, InMemoryTeamsConversationStore Store) Create(ConnectorFixture f)
    {
        var store = new InMemoryTeamsConversationStore(f.ServiceUrl);
        var sender = new TeamsSender(f.Client, store, new AdaptiveCardRenderer(), Microsoft.Extensions.Options.Options.Create(f.Options),
            NullLogger<TeamsSender>.Instance);
        return (sender, store);
    }

    private static OutboxMessage Row(string conversation, OutboundMessage? message = null) => new()
    {
        Channel = ChannelKind.Teams,
        WorkspaceId = Workspace,
        ConversationId = conversation,
        IdempotencyKey = "key-1",
        Payload = (message ?? SampleMessages.ProjectCard()).ToJson(),
        Attempts = 1,
    };

    [Fact]
    public async Task SendAsync_Conversation_SentWithCardAndOutboxKey()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var (sender, _) = Create(f);

        var result = await sender.SendAsync(Row("19:c@thread.tacv2"), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var body = Assert.Single(f.Fake.ConnectorRequests).Json!;
        Assert.Equal("key-1#0", (string?)body["channelData"]!["pmbotKey"]);
        Assert.Equal(AdaptiveCardRenderer.CardContentType, (string?)body["attachments"]![0]!["contentType"]);
        Assert.Equal(ChannelKind.Teams, sender.Channel);
        Assert.Equal(new DeliveryLimits(7, 8, 30, 50), sender.Limits);
    }

    [Fact]
    public async Task SendAsync_UserTarget_CreatesConversationThenSendsAndRemembersIt()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var (sender, store) = Create(f);

        var result = await sender.SendAsync(Row("user:29:ada"), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(2, f.Fake.ConnectorRequests.Count);
        Assert.EndsWith("/v3/conversations", f.Fake.ConnectorRequests[0].RawTarget, StringComparison.Ordinal);
        Assert.Equal(InMemoryTeamsConversationStore.TenantId, (string?)f.Fake.ConnectorRequests[0].Json!["channelData"]!["tenant"]!["id"]);
        Assert.Contains(Uri.EscapeDataString(FakeBotConnector.CreatedConversationId), f.Fake.ConnectorRequests[1].RawTarget, StringComparison.Ordinal);
        Assert.Equal(FakeBotConnector.CreatedConversationId, store.Personal["29:ada"]);
    }

    [Fact]
    public async Task SendAsync_403_DeadAndConversationBlocked()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var (sender, store) = Create(f);
        f.Fake.Enqueue(new ScriptedAnswer(403, Body: """{"error":{"code":"ConversationBlockedByUser"}}"""));

        var result = await sender.SendAsync(Row("a:1"), CancellationToken.None);
        var again = await sender.SendAsync(Row("a:1"), CancellationToken.None);

        Assert.Equal(SendResult.DeadLetter("bot removed or blocked (403)"), result);
        Assert.True(store.Blocked.ContainsKey("a:1"));
        Assert.Equal(SendOutcome.Dead, again.Outcome);
        Assert.Single(f.Fake.ConnectorRequests);
    }

    [Fact]
    public async Task SendAsync_429_RetryWithRetryAfter()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var (sender, _) = Create(f);
        f.Fake.Enqueue(new ScriptedAnswer(429, RetryAfterSeconds: 60));

        var result = await sender.SendAsync(Row("a:1"), CancellationToken.None);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(60), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_502_RetryLater()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var (sender, _) = Create(f);
        f.Fake.Enqueue(new ScriptedAnswer(502));

        var result = await sender.SendAsync(Row("a:1"), CancellationToken.None);

        Assert.Equal(SendResult.RetryLater("teams:send:502"), result);
    }

    [Fact]
    public async Task SendAsync_413Once_ResplitIntoSmallerActivities()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var (sender, _) = Create(f);
        f.Fake.Enqueue(new ScriptedAnswer(413));

        var result = await sender.SendAsync(Row("a:1", LargeMessage()), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.True(f.Fake.ConnectorRequests.Count >= 3, $"Expected the page to be re-split, got {f.Fake.ConnectorRequests.Count} requests.");
    }

    [Fact]
    public async Task SendAsync_413Twice_Dead()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var (sender, _) = Create(f);
        f.Fake.Enqueue(new ScriptedAnswer(413), new ScriptedAnswer(413));

        var result = await sender.SendAsync(Row("a:1", LargeMessage()), CancellationToken.None);

        Assert.Equal(SendOutcome.Dead, result.Outcome);
        Assert.Equal(2, f.Fake.ConnectorRequests.Count);
    }

    [Fact]
    public async Task SendAsync_UnknownConversation_Dead()
    {
        await using var f = await ConnectorFixture.StartAsync();
        var (sender, store) = Create(f);
        store.Blocked["a:gone"] = "403";

        var result = await sender.SendAsync(Row("a:gone"), CancellationToken.None);

        Assert.Equal(SendOutcome.Dead, result.Outcome);
        Assert.Empty(f.Fake.Requests);
    }

    private static OutboundMessage LargeMessage()
    {
        var rows = Enumerable.Range(1, 250).Select(i => (IReadOnlyList<string>)[$"T-{i}", $"Task number {i}", "Todo"]).ToArray();
        return new MessageBuilder().Heading("Tasks").Table(["Key", "Name", "State"], rows).Build();
    }
}

public class TeamsOutboundServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTeamsOutbound_WithStore_ResolvesSenderAsChannelSender()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ITeamsConversationStore>(new InMemoryTeamsConversationStore(new Uri("https://smba.trafficmanager.net/teams/")));
        services.AddTeamsOutbound(o => o.TrustedServiceUrls.Add(new Uri("https://smba.trafficmanager.net/teams/")));
        using var provider = services.BuildServiceProvider();

        var sender = Assert.Single(provider.GetServices<IChannelSender>());

        Assert.IsType<TeamsSender>(sender);
        Assert.True(provider.GetRequiredService<ITrustedServiceUrls>().IsTrusted(new Uri("https://SMBA.trafficmanager.net/teams")));
        Assert.False(provider.GetRequiredService<ITrustedServiceUrls>().IsTrusted(new Uri("https://evil.example.com/teams/")));
    }
}

using PmBot.Channels.WebChat;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;

namespace PmBot.Channels.Tests.WebChat;

public class WebChatSenderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static OutboxMessage Row(string conversation, string payload) => new()
    {
        Channel = ChannelKind.WebChat,
        WorkspaceId = Guid.Empty,
        ConversationId = conversation,
        IdempotencyKey = "member-added:1",
        Payload = payload,
        CreatedAt = T0,
        NextAttemptAt = T0,
        Attempts = 1,
    };

    [Fact]
    public async Task SendAsync_UserTarget_AppendsToTheDirectConversation()
    {
        var transcript = new FakeTranscript();
        var payload = OutboundMessage.Text("👋 hello").ToJson();

        var result = await new WebChatSender(transcript).SendAsync(Row("user:bob", payload), default);

        Assert.Equal(SendResult.Sent, result);
        var entry = Assert.Single(transcript.Entries);
        Assert.Equal("dm:bob", entry.ConversationId);
        Assert.Equal(TranscriptDirection.FromBot, entry.Direction);
        Assert.Equal("👋 hello", entry.Text);
        Assert.Equal(payload, entry.Payload);
        Assert.Equal("outbox:member-added:1", entry.DedupKey);
        Assert.Equal(T0, entry.CreatedAt);
    }

    [Fact]
    public async Task SendAsync_ConversationTarget_KeepsIt()
    {
        var transcript = new FakeTranscript();

        await new WebChatSender(transcript).SendAsync(Row("dm:ann", OutboundMessage.Text("x").ToJson()), default);

        Assert.Equal("dm:ann", Assert.Single(transcript.Entries).ConversationId);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"blocks\":[{\"type\":\"video\"}],\"fallbackText\":\"\"}")]
    public async Task SendAsync_UnreadablePayload_IsDeadAndAppendsNothing(string payload)
    {
        var transcript = new FakeTranscript();

        var result = await new WebChatSender(transcript).SendAsync(Row("user:bob", payload), default);

        Assert.Equal(SendOutcome.Dead, result.Outcome);
        Assert.StartsWith("Unreadable payload: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(transcript.Entries);
    }

    [Fact]
    public void Channel_IsWebChat()
    {
        Assert.Equal(ChannelKind.WebChat, new WebChatSender(new FakeTranscript()).Channel);
    }

    private sealed class FakeTranscript : IWebChatTranscript
    {
        public List<WebChatEntry> Entries { get; } = [];

        public Task AppendAsync(IReadOnlyList<WebChatEntry> entries, CancellationToken cancellationToken)
        {
            Entries.AddRange(entries.Where(e => e.DedupKey is null || Entries.All(x => x.DedupKey != e.DedupKey)));
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<WebChatEntry>> ReadAfterAsync(string conversationId, long afterId, int max, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<WebChatEntry>>(Entries.Where(e => e.ConversationId == conversationId && e.Id > afterId).Take(max).ToList());
    }
}

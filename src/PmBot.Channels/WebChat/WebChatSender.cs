using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;

namespace PmBot.Channels.WebChat;

/// <summary>
/// Delivers outbox messages to the web chat: appends them to the transcript the page polls. Keyed by the
/// outbox idempotency key, so a re-send after a crash appends nothing twice.
/// </summary>
public sealed class WebChatSender(IWebChatTranscript transcript) : IChannelSender
{
    public ChannelKind Channel => ChannelKind.WebChat;

    public DeliveryLimits Limits { get; } = new(PerConversationPerSecond: 20, PerConversationBurst: 40, PerWorkspacePerSecond: 500, PerWorkspaceBurst: 1000);

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        OutboundMessage payload;
        try
        {
            payload = OutboundMessage.FromJson(message.Payload);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return SendResult.DeadLetter("Unreadable payload: " + ex.Message);
        }
        await transcript.AppendAsync(
        [
            new WebChatEntry
            {
                ConversationId = WebChatConversations.Resolve(message.ConversationId),
                Direction = TranscriptDirection.FromBot,
                Text = payload.FallbackText,
                Payload = message.Payload,
                DedupKey = "outbox:" + message.IdempotencyKey,
                CreatedAt = message.CreatedAt,
            },
        ], cancellationToken);
        return SendResult.Sent;
    }
}

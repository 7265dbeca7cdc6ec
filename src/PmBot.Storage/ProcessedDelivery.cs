using PmBot.Core.Domain;

namespace PmBot.Storage;

/// <summary>An inbound delivery already handled (Slack event_id, Teams activity id, web chat client id). Purged after 24 h.</summary>
public sealed class ProcessedDelivery
{
    public required ChannelKind Channel { get; init; }
    public required string DeliveryId { get; init; }
    public DateTimeOffset HandledAt { get; init; }
}

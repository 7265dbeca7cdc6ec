using PmBot.Core.Domain;

namespace PmBot.Core.Outbox;

/// <summary>Rate limits a channel imposes, fed into the dispatcher's token buckets.</summary>
/// <param name="PerConversationPerSecond">Sustained messages a second into one conversation.</param>
/// <param name="PerConversationBurst">Messages one conversation may take at once.</param>
/// <param name="PerWorkspacePerSecond">Sustained messages a second across one workspace (tenant, team).</param>
/// <param name="PerWorkspaceBurst">Burst across one workspace.</param>
public sealed record DeliveryLimits(double PerConversationPerSecond, int PerConversationBurst, double PerWorkspacePerSecond, int PerWorkspaceBurst)
{
    public static DeliveryLimits Unlimited { get; } = new(double.PositiveInfinity, int.MaxValue, double.PositiveInfinity, int.MaxValue);
}

/// <summary>Delivers one outbox message to its channel. Implementations live in PmBot.Channels.</summary>
public interface IChannelSender
{
    ChannelKind Channel { get; }
    DeliveryLimits Limits { get; }

    /// <summary>
    /// Sends the message. When <see cref="OutboxMessage.Attempts"/> is above 1 an earlier attempt may have reached the
    /// channel, so a sender checks by <see cref="OutboxMessage.IdempotencyKey"/> before sending again.
    /// Never throws for channel errors: it reports them as a <see cref="SendResult"/>.
    /// </summary>
    Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

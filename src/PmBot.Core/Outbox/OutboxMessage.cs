using PmBot.Core.Domain;

namespace PmBot.Core.Outbox;

public enum OutboxState
{
    Pending = 0,
    Sent = 1,
    Dead = 2,
}

/// <summary>
/// One proactive message waiting to be delivered. Written in the same transaction as the state that caused it;
/// the <see cref="IdempotencyKey"/> makes a second write of the same message a no-op and lets a sender check
/// whether a message was already delivered before it re-sends after a crash.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = NewId.Next();
    public required ChannelKind Channel { get; init; }
    public required Guid WorkspaceId { get; init; }

    /// <summary>The target conversation id, or <c>user:{externalUserId}</c> when the sender must open a DM first.</summary>
    public required string ConversationId { get; init; }

    public required string IdempotencyKey { get; init; }

    /// <summary>The channel-neutral <see cref="Messages.OutboundMessage"/> as JSON; rendered at send time.</summary>
    public required string Payload { get; init; }

    /// <summary>
    /// The idempotency key of an earlier message in the same conversation this one answers in the thread of
    /// (a check-in answer under the day's summary post); null for a top-level message. Channels without threads
    /// post it in the conversation.
    /// </summary>
    public string? ThreadKey { get; init; }

    public OutboxState State { get; set; } = OutboxState.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    public const string UserTargetPrefix = "user:";
}

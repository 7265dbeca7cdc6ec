using PmBot.Core.Conversation;
using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;

namespace PmBot.Core.Dispatching;

/// <summary>Everything a handler needs about the request it serves.</summary>
public sealed class CommandContext
{
    public required IPmStore Store { get; init; }
    public required InboundActivity Activity { get; init; }
    public required Workspace Workspace { get; init; }
    public required Member Member { get; init; }
    public required TimeProvider Time { get; init; }
    public required CommandTable Commands { get; init; }

    /// <summary>The project the command works on, when its access rule needs one.</summary>
    public Project? Project { get; init; }

    /// <summary>The member's role in <see cref="Project"/>, if any.</summary>
    public ProjectRole? Role { get; init; }

    /// <summary>Draws charts; null where PmBot runs without a chart renderer.</summary>
    public IChartRenderer? Charts { get; init; }

    /// <summary>Keeps files (charts, exports) behind signed, expiring URLs; null where PmBot runs without a file store.</summary>
    public IFilePublisher? Files { get; init; }

    /// <summary>Text in the member's language.</summary>
    public Localizer T => Localizer.For(Member.Locale);

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Today in the member's own time zone.</summary>
    public DateOnly Today => MemberClock.Today(Member, Time);

    /// <summary>Stages a proactive message to a member's own 1:1 conversation, sent once the command commits.</summary>
    public void Notify(Member recipient, Messages.OutboundMessage message, string idempotencyKey) =>
        Store.Enqueue(new OutboxMessage
        {
            Channel = Workspace.Channel,
            WorkspaceId = recipient.WorkspaceId,
            ConversationId = recipient.DirectConversationId ?? OutboxMessage.UserTargetPrefix + recipient.ExternalUserId,
            IdempotencyKey = idempotencyKey,
            Payload = message.ToJson(),
            CreatedAt = Now,
            NextAttemptAt = Now,
        });
}

/// <summary>A member's local clock.</summary>
public static class MemberClock
{
    public static TimeZoneInfo Zone(Member member) => Zone(member.TimeZone);

    /// <summary>The zone with this IANA id, UTC when unknown.</summary>
    public static TimeZoneInfo Zone(string zoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTimeOffset LocalNow(Member member, TimeProvider time) => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone(member));

    public static DateOnly Today(Member member, TimeProvider time) => DateOnly.FromDateTime(LocalNow(member, time).DateTime);
}

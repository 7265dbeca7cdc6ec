namespace PmBot.Core.Ports;

public enum TranscriptDirection
{
    FromUser,
    FromBot,
}

/// <summary>One line of a web chat conversation. Bot lines hold an <c>OutboundMessage</c> as JSON.</summary>
public sealed class WebChatEntry
{
    /// <summary>Increasing; the page asks for entries after the last one it has.</summary>
    public long Id { get; set; }

    public required string ConversationId { get; init; }
    public required TranscriptDirection Direction { get; init; }

    /// <summary>What the user typed, or the bot message's fallback text.</summary>
    public required string Text { get; init; }

    /// <summary>The bot message as JSON; null for user lines.</summary>
    public string? Payload { get; init; }

    /// <summary>Unique when set: a user line's client delivery id or an outbox row's idempotency key.</summary>
    public string? DedupKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The web chat's conversation log: where its sender delivers and from which the page reads.</summary>
public interface IWebChatTranscript
{
    /// <summary>Appends entries; an entry whose <see cref="WebChatEntry.DedupKey"/> exists already is skipped.</summary>
    Task AppendAsync(IReadOnlyList<WebChatEntry> entries, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebChatEntry>> ReadAfterAsync(string conversationId, long afterId, int max, CancellationToken cancellationToken);
}

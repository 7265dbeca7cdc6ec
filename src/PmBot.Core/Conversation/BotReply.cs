using PmBot.Core.Messages;

namespace PmBot.Core.Conversation;

public enum ReplyVisibility
{
    /// <summary>Only the member who asked sees it (Slack ephemeral; a DM is private anyway).</summary>
    Private,

    /// <summary>Everyone in the conversation sees it.</summary>
    Conversation,
}

/// <summary>The answer to one inbound activity.</summary>
public sealed record BotReply(IReadOnlyList<OutboundMessage> Messages, ReplyVisibility Visibility = ReplyVisibility.Private)
{
    /// <summary>Per-input errors of a submitted form (input name to message); the form stays open with them.</summary>
    public IReadOnlyDictionary<string, string>? FormErrors { get; init; }

    /// <summary>True when the activity was a duplicate delivery and has already been handled.</summary>
    public bool Duplicate { get; init; }

    /// <summary>The workspace the activity came from, once it is stored (channels deliver later answers there).</summary>
    public Guid? WorkspaceId { get; init; }

    /// <summary>The language the reply is written in (the member's).</summary>
    public string? Locale { get; init; }

    public static BotReply Of(OutboundMessage message, ReplyVisibility visibility = ReplyVisibility.Private) => new([message], visibility);

    public static BotReply Empty { get; } = new([]);
}

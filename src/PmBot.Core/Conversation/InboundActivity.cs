using PmBot.Core.Domain;

namespace PmBot.Core.Conversation;

/// <summary>
/// What one channel request means, independent of its wire format: who said what, where.
/// Exactly one of <see cref="Text"/>, <see cref="ButtonCommand"/> or <see cref="Form"/> carries the intent.
/// </summary>
public sealed record InboundActivity
{
    public required ChannelKind Channel { get; init; }
    public required string WorkspaceExternalId { get; init; }
    public string? WorkspaceName { get; init; }
    public required string UserExternalId { get; init; }
    public string? UserDisplayName { get; init; }
    public required string ConversationId { get; init; }

    /// <summary>True for a 1:1 conversation with the bot.</summary>
    public bool IsDirect { get; init; }

    /// <summary>Unique per delivery in its channel (Slack event_id, Teams activity id, web chat client id).</summary>
    public required string DeliveryId { get; init; }

    /// <summary>Typed text with the bot mention and slash command already removed.</summary>
    public string? Text { get; init; }

    /// <summary>The command text of a clicked button.</summary>
    public string? ButtonCommand { get; init; }

    /// <summary>A submitted form: the command and the values by input name.</summary>
    public FormSubmission? Form { get; init; }

    /// <summary>The user's locale as the channel reports it (e.g. "en-US", "zh-CN"), if any.</summary>
    public string? Locale { get; init; }

    /// <summary>The user's IANA time zone as the channel reports it, if any.</summary>
    public string? TimeZone { get; init; }
}

public sealed record FormSubmission(string Command, IReadOnlyDictionary<string, string> Values);

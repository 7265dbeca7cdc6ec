namespace PmBot.Storage;

/// <summary>
/// A Teams conversation PmBot may write to (a conversation reference): where its Bot Connector lives and as which
/// bot. Stored on install and on first contact; <see cref="BlockedAt"/> is set when Teams answers 403 or the app is
/// removed, and nothing is sent there after that.
/// </summary>
public sealed class TeamsConversation
{
    public required Guid WorkspaceId { get; init; }
    public required string ConversationId { get; init; }
    public required string ServiceUrl { get; set; }
    public required string TenantId { get; set; }
    public required string BotId { get; set; }
    public string? ConversationType { get; set; }

    /// <summary>For a personal (1:1) conversation: the member's channel user id.</summary>
    public string? UserId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? BlockedAt { get; set; }
    public string? BlockedReason { get; set; }
}

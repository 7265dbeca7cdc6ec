namespace PmBot.Channels.Teams.Outbound;

/// <summary>
/// Where to send to in Teams: the service URL and tenant of the conversation (from its authenticated activities), the
/// bot's id (<c>28:…</c>) and, for a user target whose 1:1 conversation is not known yet, a null conversation id.
/// </summary>
public sealed record TeamsConversationTarget(Uri ServiceUrl, string? ConversationId, string TenantId, string BotId);

/// <summary>The server's store of Teams conversation references (filled by the inbound side).</summary>
public interface ITeamsConversationStore
{
    /// <summary>
    /// The target of <paramref name="conversationId"/> (a Teams conversation id, or <c>user:{29:…}</c> for a member's
    /// 1:1 chat) in the workspace, or null when unknown or marked blocked.
    /// </summary>
    Task<TeamsConversationTarget?> FindAsync(Guid workspaceId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Remembers the 1:1 conversation created for a member, so the next message does not create it again.</summary>
    Task SavePersonalConversationAsync(Guid workspaceId, string userId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The bot was removed from the conversation or blocked (403): nothing more is sent there until it is re-added.</summary>
    Task MarkBlockedAsync(Guid workspaceId, string conversationId, string reason, CancellationToken cancellationToken);
}

using System.Collections.Concurrent;
using PmBot.Channels.Teams.Outbound;

namespace PmBot.Channels.Tests.Teams.Outbound.Fakes;

/// <summary>A conversation store with one workspace: every conversation is at <see cref="ServiceUrl"/>.</summary>
public sealed class InMemoryTeamsConversationStore(Uri serviceUrl) : ITeamsConversationStore
{
    public const string TenantId = "72f988bf-0000-0000-0000-000000000000";
    public const string BotId = "28:bot-app-id";

    public Uri ServiceUrl { get; } = serviceUrl;

    public ConcurrentDictionary<string, string> Personal { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Blocked { get; } = new(StringComparer.Ordinal);

    public Task<TeamsConversationTarget?> FindAsync(Guid workspaceId, string conversationId, CancellationToken cancellationToken)
    {
        if (Blocked.ContainsKey(conversationId))
            return Task.FromResult<TeamsConversationTarget?>(null);
        if (conversationId.StartsWith("user:", StringComparison.Ordinal))
        {
            Personal.TryGetValue(conversationId[5..], out var known);
            return Task.FromResult<TeamsConversationTarget?>(known is not null && Blocked.ContainsKey(known) ? null : new TeamsConversationTarget(ServiceUrl, known, TenantId, BotId));
        }
        return Task.FromResult<TeamsConversationTarget?>(new TeamsConversationTarget(ServiceUrl, conversationId, TenantId, BotId));
    }

    public Task SavePersonalConversationAsync(Guid workspaceId, string userId, string conversationId, CancellationToken cancellationToken)
    {
        Personal[userId] = conversationId;
        return Task.CompletedTask;
    }

    public Task MarkBlockedAsync(Guid workspaceId, string conversationId, string reason, CancellationToken cancellationToken)
    {
        Blocked[conversationId] = reason;
        return Task.CompletedTask;
    }
}

using Microsoft.EntityFrameworkCore;
using PmBot.Channels.Teams.Inbound;
using PmBot.Channels.Teams.Outbound;
using PmBot.Core.Outbox;
using PmBot.Storage;

namespace PmBot.Server.Teams;

/// <summary>Teams conversation references in the domain store, for the outbox's Teams sender.</summary>
public sealed class EfTeamsConversationStore(IDbContextFactory<PmBotDbContext> contexts, TrustedServiceUrls trusted, TimeProvider time) : ITeamsConversationStore
{
    public async Task<TeamsConversationTarget?> FindAsync(Guid workspaceId, string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        TeamsConversation? row;
        if (conversationId.StartsWith(OutboxMessage.UserTargetPrefix, StringComparison.Ordinal))
        {
            var userId = conversationId[OutboxMessage.UserTargetPrefix.Length..];
            row = await db.TeamsConversations.AsNoTracking().FirstOrDefaultAsync(c => c.WorkspaceId == workspaceId && c.UserId == userId && c.ConversationType == "personal", cancellationToken);
            if (row is null)
            {
                // No 1:1 chat yet: the sender creates one, through any service URL this tenant's activities came from.
                var any = await db.TeamsConversations.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && c.BlockedAt == null).OrderByDescending(c => c.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
                return any is null ? null : Target(any, null);
            }
        }
        else
        {
            row = await db.TeamsConversations.AsNoTracking().FirstOrDefaultAsync(c => c.WorkspaceId == workspaceId && c.ConversationId == conversationId, cancellationToken);
        }
        return row is null || row.BlockedAt is not null ? null : Target(row, row.ConversationId);
    }

    public async Task SavePersonalConversationAsync(Guid workspaceId, string userId, string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.TeamsConversations.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).OrderByDescending(c => c.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        if (template is null || await db.TeamsConversations.AnyAsync(c => c.WorkspaceId == workspaceId && c.ConversationId == conversationId, cancellationToken))
            return;
        db.TeamsConversations.Add(new TeamsConversation
        {
            WorkspaceId = workspaceId, ConversationId = conversationId, ServiceUrl = template.ServiceUrl, TenantId = template.TenantId, BotId = template.BotId,
            ConversationType = "personal", UserId = userId, UpdatedAt = time.GetUtcNow(),
        });
        await SaveIgnoringRaceAsync(db, cancellationToken);
    }

    public async Task MarkBlockedAsync(Guid workspaceId, string conversationId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var shortReason = reason.Length > 500 ? reason[..500] : reason;
        await db.TeamsConversations.Where(c => c.WorkspaceId == workspaceId && c.ConversationId == conversationId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.BlockedAt, now).SetProperty(c => c.BlockedReason, shortReason), cancellationToken);
    }

    /// <summary>Stores (or refreshes, and unblocks) the reference an authenticated activity carried; nothing without a stored workspace.</summary>
    public async Task SaveReferenceAsync(Guid? workspace, TeamsConversationReference reference, string? userKey, CancellationToken cancellationToken)
    {
        if (workspace is not { } workspaceId)
            return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.TeamsConversations.FirstOrDefaultAsync(c => c.WorkspaceId == workspaceId && c.ConversationId == reference.ConversationId, cancellationToken);
        if (row is null)
        {
            row = new TeamsConversation { WorkspaceId = workspaceId, ConversationId = reference.ConversationId, ServiceUrl = "", TenantId = "", BotId = "" };
            db.TeamsConversations.Add(row);
        }
        row.ServiceUrl = reference.ServiceUrl;
        row.TenantId = reference.TenantId ?? "";
        row.BotId = reference.BotId ?? "";
        row.ConversationType = reference.ConversationType;
        if (reference.ConversationType == "personal")
            row.UserId = userKey;
        row.UpdatedAt = time.GetUtcNow();
        row.BlockedAt = null;
        row.BlockedReason = null;
        await SaveIgnoringRaceAsync(db, cancellationToken);
    }

    private TeamsConversationTarget Target(TeamsConversation row, string? conversationId)
    {
        var serviceUrl = new Uri(row.ServiceUrl);
        // It came in an authenticated activity when it was stored; a restart must not forget that.
        trusted.Add(serviceUrl);
        return new TeamsConversationTarget(serviceUrl, conversationId, row.TenantId, row.BotId);
    }

    private static async Task SaveIgnoringRaceAsync(PmBotDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Table(ex) is not null)
        {
            // Another request stored the same reference a moment ago.
        }
    }
}

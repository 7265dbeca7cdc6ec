using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using PmBot.Channels.Slack;
using PmBot.Core.Domain;
using PmBot.Storage;

namespace PmBot.Server.Slack;

/// <summary>
/// Bot tokens per workspace: an OAuth installation's token (stored protected with Data Protection), else the
/// configured single-workspace token. An uninstalled or revoked workspace has no token, so nothing is sent there.
/// </summary>
public sealed class SlackTokenStore(IDbContextFactory<PmBotDbContext> contexts, IDataProtectionProvider protection, SlackAppOptions options, TimeProvider time)
    : ISlackTokenProvider
{
    private readonly IDataProtector _protector = protection.CreateProtector("PmBot.ChannelInstallation.BotToken");

    public async Task<string?> GetBotTokenAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var workspace = await db.Workspaces.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workspaceId, cancellationToken);
        if (workspace is not { IsActive: true, Channel: ChannelKind.Slack })
            return null;
        var installation = await db.ChannelInstallations.AsNoTracking()
            .FirstOrDefaultAsync(i => i.WorkspaceId == workspaceId && i.Channel == ChannelKind.Slack && i.RevokedAt == null, cancellationToken);
        return installation is not null ? _protector.Unprotect(installation.ProtectedBotToken) : options.BotToken;
    }

    /// <summary>Stores (or renews) an OAuth installation and (re)activates its workspace.</summary>
    public async Task<Workspace> InstallAsync(SlackOAuthAccess access, CancellationToken cancellationToken)
    {
        var key = access.IsEnterpriseInstall && access.EnterpriseId is not null ? access.EnterpriseId : SlackTeam.Key(access.TeamId, access.EnterpriseId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var workspace = await db.Workspaces.FirstOrDefaultAsync(w => w.Channel == ChannelKind.Slack && w.ExternalId == key, cancellationToken);
        if (workspace is null)
        {
            workspace = new Workspace { Channel = ChannelKind.Slack, ExternalId = key, Name = access.TeamName ?? key, CreatedAt = now };
            db.Workspaces.Add(workspace);
        }
        workspace.IsActive = true;
        var installation = await db.ChannelInstallations.FirstOrDefaultAsync(i => i.Channel == ChannelKind.Slack && i.ExternalTeamId == key, cancellationToken);
        if (installation is null)
        {
            installation = new ChannelInstallation { Channel = ChannelKind.Slack, WorkspaceId = workspace.Id, ExternalTeamId = key, ProtectedBotToken = "" };
            db.ChannelInstallations.Add(installation);
        }
        installation.ProtectedBotToken = _protector.Protect(access.AccessToken);
        installation.EnterpriseId = access.EnterpriseId;
        installation.BotUserId = access.BotUserId;
        installation.AppId = access.AppId;
        installation.Scopes = access.Scope;
        installation.InstalledAt = now;
        installation.RevokedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return workspace;
    }

    /// <summary><c>app_uninstalled</c> / <c>tokens_revoked</c>: stop sending to that workspace.</summary>
    public async Task RevokeAsync(string workspaceKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var workspace = await db.Workspaces.FirstOrDefaultAsync(w => w.Channel == ChannelKind.Slack && w.ExternalId == workspaceKey, cancellationToken);
        if (workspace is null)
            return;
        workspace.IsActive = false;
        var now = time.GetUtcNow();
        await db.ChannelInstallations.Where(i => i.WorkspaceId == workspace.Id && i.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.RevokedAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}

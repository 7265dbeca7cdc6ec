using Microsoft.EntityFrameworkCore;
using PmBot.Channels.WebChat;
using PmBot.Core.Domain;
using PmBot.Storage;

namespace PmBot.Server.WebChat;

/// <summary>
/// The built-in web chat's people: a few local users in different time zones and languages, always there. With
/// <c>PmBot:Demo</c> they also share a demo project (MOON) in which each has a different role.
/// </summary>
public sealed partial class LocalUsers(IDbContextFactory<PmBotDbContext> contexts, TimeProvider time, ILogger<LocalUsers> log)
{
    public sealed record LocalUser(string Id, string Name, string TimeZone, string Locale, ProjectRole DemoRole);

    public static readonly IReadOnlyList<LocalUser> All =
    [
        new("alice", "Alice Chen", "America/New_York", Locales.English, ProjectRole.Pm),
        new("wei", "Wei Zhang 张伟", "Asia/Shanghai", Locales.Chinese, ProjectRole.Member),
        new("bob", "Bob Smith", "Europe/London", Locales.English, ProjectRole.Member),
        new("carla", "Carla Díaz", "Europe/Madrid", Locales.English, ProjectRole.Stakeholder),
    ];

    public const string DemoProjectKey = "MOON";

    public async Task SeedAsync(bool demo, CancellationToken cancellationToken)
    {
        try
        {
            await SeedUsersAsync(demo, cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Table(ex) is not null)
        {
            // Another instance seeded at the same moment; its rows are the same.
            LogRace(log);
        }
    }

    private async Task SeedUsersAsync(bool demo, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var workspace = await db.Workspaces.FirstOrDefaultAsync(w => w.Channel == ChannelKind.WebChat && w.ExternalId == WebChatConversations.WorkspaceId, cancellationToken);
        if (workspace is null)
        {
            workspace = new Workspace { Channel = ChannelKind.WebChat, ExternalId = WebChatConversations.WorkspaceId, Name = WebChatConversations.WorkspaceName, CreatedAt = now };
            db.Workspaces.Add(workspace);
        }
        var members = await db.Members.Where(m => m.WorkspaceId == workspace.Id).ToDictionaryAsync(m => m.ExternalUserId, cancellationToken);
        foreach (var user in All.Where(u => !members.ContainsKey(u.Id)))
        {
            var member = new Member
            {
                WorkspaceId = workspace.Id,
                ExternalUserId = user.Id,
                DisplayName = user.Name,
                TimeZone = user.TimeZone,
                Locale = user.Locale,
                DirectConversationId = WebChatConversations.Direct(user.Id),
                CreatedAt = now,
            };
            db.Members.Add(member);
            members[user.Id] = member;
        }
        if (demo && !await db.Projects.AnyAsync(p => p.WorkspaceId == workspace.Id && p.Key == DemoProjectKey, cancellationToken))
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var project = new Project
            {
                WorkspaceId = workspace.Id,
                Key = DemoProjectKey,
                Name = "Moonshot website relaunch",
                Goal = "Relaunch the public website with the new brand before the spring campaign.",
                ScopeStatement = "Design system, 40 content pages, CMS migration, analytics. Out of scope: the shop.",
                PlannedStart = today.AddDays(-14),
                PlannedFinish = today.AddDays(70),
                Status = ProjectStatus.Active,
                PmMemberId = members["alice"].Id,
                CreatedAt = now,
            };
            db.Projects.Add(project);
            foreach (var user in All)
                db.ProjectMemberships.Add(new ProjectMembership { ProjectId = project.Id, MemberId = members[user.Id].Id, Role = user.DemoRole, AddedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local users were seeded by another instance")]
    private static partial void LogRace(ILogger logger);
}

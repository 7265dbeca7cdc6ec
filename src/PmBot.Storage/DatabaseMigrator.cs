using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PmBot.Storage;

/// <summary>Applies pending migrations of the configured provider (at start-up, or from <c>PmBot.Server migrate</c>).</summary>
public sealed partial class DatabaseMigrator(IDbContextFactory<PmBotDbContext> contexts, ILogger<DatabaseMigrator> log)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (db.Provider == StorageProvider.Sqlite)
        {
            // WAL lets the page read while the dispatcher writes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(log, db.Provider, pending.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) is up to date; {Count} migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, StorageProvider provider, int count);
}

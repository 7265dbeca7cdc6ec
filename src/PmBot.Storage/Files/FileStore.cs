using Microsoft.EntityFrameworkCore;

namespace PmBot.Storage.Files;

/// <summary>Keeps published files in the domain store. Each call is its own short unit of work.</summary>
public sealed class FileStore(IDbContextFactory<PmBotDbContext> contexts)
{
    public async Task AddAsync(StoredFile file, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.StoredFiles.Add(file);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The file with this id, expired or not (the caller decides), or null.</summary>
    public async Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
    }

    /// <summary>Deletes the files that expired before <paramref name="now"/>; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StoredFiles.Where(f => f.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using PmBot.Core.Ports;

namespace PmBot.Storage.WebChat;

/// <summary>The web chat log in the domain store: survives restarts and is shared by all instances.</summary>
public sealed class EfWebChatTranscript(IDbContextFactory<PmBotDbContext> contexts) : IWebChatTranscript
{
    public async Task AppendAsync(IReadOnlyList<WebChatEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
            return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = entries.Where(e => e.DedupKey is not null).Select(e => e.DedupKey!).ToList();
        var existing = keys.Count == 0
            ? []
            : await db.WebChatEntries.Where(e => e.DedupKey != null && keys.Contains(e.DedupKey)).Select(e => e.DedupKey!).ToHashSetAsync(cancellationToken);
        db.WebChatEntries.AddRange(entries.Where(e => e.DedupKey is null || !existing.Contains(e.DedupKey)).DistinctBy(e => e.DedupKey ?? Guid.NewGuid().ToString()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Table(ex) is not null)
        {
            // Another instance appended one of these keyed entries meanwhile: add the others one by one.
            foreach (var entry in entries)
            {
                await using var single = await contexts.CreateDbContextAsync(cancellationToken);
                entry.Id = 0;
                single.WebChatEntries.Add(entry);
                try
                {
                    await single.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException duplicate) when (UniqueViolation.Table(duplicate) is not null)
                {
                    // Already there once, which is what a retried delivery wants.
                }
            }
        }
    }

    public async Task<IReadOnlyList<WebChatEntry>> ReadAfterAsync(string conversationId, long afterId, int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebChatEntries.AsNoTracking()
            .Where(e => e.ConversationId == conversationId && e.Id > afterId)
            .OrderBy(e => e.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
    }
}

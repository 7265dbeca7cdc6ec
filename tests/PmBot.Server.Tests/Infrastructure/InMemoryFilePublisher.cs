using System.Collections.Concurrent;
using PmBot.Core.Ports;

namespace PmBot.Server.Tests.Infrastructure;

/// <summary>
/// Keeps published files in memory for tests, when the server has no <see cref="IFilePublisher"/> of its own
/// (<see cref="PmBotApp"/> adds it only then). Links look like the real ones: <c>/files/{id}/{name}?exp=…&amp;sig=test</c>.
/// </summary>
public sealed class InMemoryFilePublisher(TimeProvider time) : IFilePublisher
{
    private readonly ConcurrentDictionary<string, FileContent> _files = new(StringComparer.Ordinal);

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public Task<PublishedFile> PublishAsync(FileContent file, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow() + Lifetime;
        var url = $"/files/{Guid.NewGuid():N}/{Uri.EscapeDataString(file.FileName)}?exp={expires.ToUnixTimeSeconds()}&sig=test";
        _files[url] = file;
        return Task.FromResult(new PublishedFile(url, expires));
    }

    public FileContent? Find(string url) => _files.GetValueOrDefault(url);
}

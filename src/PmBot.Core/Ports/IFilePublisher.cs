namespace PmBot.Core.Ports;

/// <summary>A file PmBot produced for a member: a chart PNG or a CSV export.</summary>
public sealed record FileContent(string FileName, string ContentType, byte[] Bytes);

/// <summary>Where a published file can be fetched, until when.</summary>
public sealed record PublishedFile(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Keeps a file for a while and gives back a signed, expiring URL to fetch it (relative to PmBot's public base URL);
/// channel renderers turn it into an image, a download link or an upload.
/// </summary>
public interface IFilePublisher
{
    Task<PublishedFile> PublishAsync(FileContent file, CancellationToken cancellationToken);
}

/// <summary>
/// Reads back a file PmBot published, from the URL <see cref="IFilePublisher"/> gave (for channels that upload the
/// file itself, e.g. into a Slack conversation, rather than link to it).
/// </summary>
public interface IPublishedFileReader
{
    /// <summary>The file behind a published URL; null when the URL is not PmBot's, its signature is wrong, or it expired.</summary>
    Task<FileContent?> ReadAsync(string url, CancellationToken cancellationToken);
}

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

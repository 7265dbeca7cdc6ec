using PmBot.Core.Ports;
using PmBot.Storage.Files;

namespace PmBot.Server.Files;

/// <summary>
/// Keeps published files in the database for <see cref="FilesOptions.Expiry"/> and hands out signed URLs to them;
/// reads them back from such a URL for channels that upload files (Slack).
/// </summary>
public sealed class SignedFilePublisher(FileStore files, FileUrlSigner signer, FilesOptions options, TimeProvider time) : IFilePublisher, IPublishedFileReader
{
    public async Task<PublishedFile> PublishAsync(FileContent file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var now = time.GetUtcNow();
        // Whole seconds: the URL carries the expiry in Unix seconds.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((now + options.Expiry).ToUnixTimeSeconds());
        var stored = new StoredFile
        {
            FileName = SafeName(file.FileName),
            ContentType = file.ContentType.Length <= StoredFile.MaxContentTypeLength ? file.ContentType : "application/octet-stream",
            Content = file.Bytes,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        await files.AddAsync(stored, cancellationToken);
        return new PublishedFile(signer.Url(stored.Id, expiresAt), expiresAt);
    }

    public async Task<FileContent?> ReadAsync(string url, CancellationToken cancellationToken)
    {
        if (!FileUrlSigner.TryRead(url, out var id, out var exp, out var sig))
            return null;
        var (access, file) = await OpenAsync(id, exp, sig, cancellationToken);
        return access == FileLookup.Ok ? new FileContent(file!.FileName, file.ContentType, file.Content) : null;
    }

    /// <summary>The file behind a signed URL's parts, or why not: the signature is checked first, then the expiry, then the store.</summary>
    public async Task<(FileLookup Access, StoredFile? File)> OpenAsync(Guid id, long exp, string? sig, CancellationToken cancellationToken)
    {
        if (!signer.Verify(id, exp, sig))
            return (FileLookup.BadSignature, null);
        var now = time.GetUtcNow();
        if (exp < now.ToUnixTimeSeconds())
            return (FileLookup.Expired, null);
        var file = await files.FindAsync(id, cancellationToken);
        if (file is null)
            return (FileLookup.NotFound, null);
        return file.ExpiresAt < now ? (FileLookup.Expired, null) : (FileLookup.Ok, file);
    }

    /// <summary>A file name without path separators or control characters, within the column's length.</summary>
    private static string SafeName(string name)
    {
        var cleaned = new string([.. Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c))]).Trim();
        if (cleaned.Length == 0)
            cleaned = "file";
        if (cleaned.Length <= StoredFile.MaxFileNameLength)
            return cleaned;
        var extension = Path.GetExtension(cleaned);
        return cleaned[..(StoredFile.MaxFileNameLength - extension.Length)] + extension;
    }
}

public enum FileLookup
{
    Ok,
    BadSignature,
    Expired,
    NotFound,
}

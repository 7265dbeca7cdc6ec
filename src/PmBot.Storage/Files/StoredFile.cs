using PmBot.Core.Domain;

namespace PmBot.Storage.Files;

/// <summary>
/// A file PmBot produced (a chart PNG, a CSV export), kept in the database so that every instance can serve it
/// until <see cref="ExpiresAt"/>; housekeeping deletes it after that.
/// </summary>
public sealed class StoredFile
{
    public const int MaxFileNameLength = 200;
    public const int MaxContentTypeLength = 100;

    public Guid Id { get; init; } = NewId.Next();
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}

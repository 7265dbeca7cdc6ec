namespace PmBot.Server.Files;

/// <summary>Configuration section <c>PmBot:Files</c>: the files PmBot serves at signed URLs (charts, CSV exports).</summary>
public sealed class FilesOptions
{
    public const string Section = "PmBot:Files";

    /// <summary>How long a published file (and its URL) lives.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The HMAC-SHA256 key of file URLs (at least 32 characters; the same on every instance). Empty: URLs are signed
    /// with ASP.NET Data Protection instead, whose keys PmBot already keeps in the database (longer URLs, nothing
    /// more to configure).
    /// </summary>
    public string? SigningKey { get; set; }

    public const int MinSigningKeyLength = 32;
}

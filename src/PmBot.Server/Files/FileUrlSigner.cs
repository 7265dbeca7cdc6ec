using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace PmBot.Server.Files;

/// <summary>
/// Signs and checks file URLs <c>/files/{id}?exp={unix seconds}&amp;sig={signature}</c>. The signature covers the id
/// and the expiry: HMAC-SHA256 with <see cref="FilesOptions.SigningKey"/> when one is configured, otherwise an
/// ASP.NET Data Protection payload (authenticated encryption; keys shared by every instance through the database).
/// </summary>
public sealed class FileUrlSigner
{
    public const string PathPrefix = "/files/";
    private const string Purpose = "PmBot.Files.Url.v1";

    private readonly byte[]? _key;
    private readonly IDataProtector _protector;

    public FileUrlSigner(FilesOptions options, IDataProtectionProvider dataProtection)
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            if (options.SigningKey.Length < FilesOptions.MinSigningKeyLength)
                throw new InvalidOperationException($"{FilesOptions.Section}:SigningKey must have at least {FilesOptions.MinSigningKeyLength} characters.");
            _key = Encoding.UTF8.GetBytes(options.SigningKey);
        }
        _protector = dataProtection.CreateProtector(Purpose);
    }

    /// <summary>The relative URL of file <paramref name="id"/>, valid until <paramref name="expiresAt"/> (to the second).</summary>
    public string Url(Guid id, DateTimeOffset expiresAt)
    {
        var exp = expiresAt.ToUnixTimeSeconds();
        return $"{PathPrefix}{id:N}?exp={exp.ToString(CultureInfo.InvariantCulture)}&sig={Sign(id, exp)}";
    }

    public string Sign(Guid id, long exp)
    {
        var payload = Payload(id, exp);
        return WebEncoders.Base64UrlEncode(_key is null ? _protector.Protect(payload) : HMACSHA256.HashData(_key, payload));
    }

    /// <summary>True when <paramref name="sig"/> was made by <see cref="Sign"/> for this id and expiry.</summary>
    public bool Verify(Guid id, long exp, string? sig)
    {
        if (string.IsNullOrEmpty(sig))
            return false;
        byte[] given;
        try
        {
            given = WebEncoders.Base64UrlDecode(sig);
        }
        catch (FormatException)
        {
            return false;
        }
        var payload = Payload(id, exp);
        if (_key is not null)
            return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), given);
        try
        {
            return CryptographicOperations.FixedTimeEquals(_protector.Unprotect(given), payload);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Reads <c>/files/{id}?exp=…&amp;sig=…</c> (relative, or absolute on any host) into its parts; false when it is not one.</summary>
    public static bool TryRead(string url, out Guid id, out long exp, out string? sig)
    {
        id = Guid.Empty;
        exp = 0;
        sig = null;
        // A path is read against a placeholder host (on Unix "/files/…" would otherwise parse as a file: URI).
        var isPath = url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);
        if (!Uri.TryCreate(isPath ? "http://localhost" + url : url, UriKind.Absolute, out var uri))
            return false;
        if (!uri.AbsolutePath.StartsWith(PathPrefix, StringComparison.Ordinal) || !Guid.TryParse(uri.AbsolutePath[PathPrefix.Length..], out id))
            return false;
        var query = QueryHelpers.ParseQuery(uri.Query);
        sig = query.TryGetValue("sig", out var s) ? s.ToString() : null;
        return query.TryGetValue("exp", out var e) && long.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out exp);
    }

    private static byte[] Payload(Guid id, long exp) => Encoding.UTF8.GetBytes($"{id:N}|{exp.ToString(CultureInfo.InvariantCulture)}");
}

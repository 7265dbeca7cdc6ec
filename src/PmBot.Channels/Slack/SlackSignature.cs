using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PmBot.Channels.Slack;

/// <summary>Why a request's signature was accepted or refused. Safe to log: it holds no secret.</summary>
public enum SlackSignatureResult
{
    Valid,

    /// <summary><c>X-Slack-Signature</c> or <c>X-Slack-Request-Timestamp</c> is absent or empty.</summary>
    MissingHeaders,

    /// <summary>The timestamp is not a whole number of Unix seconds.</summary>
    BadTimestamp,

    /// <summary>The timestamp is more than five minutes from now, in the past or the future (a replay).</summary>
    Stale,

    /// <summary>Not <c>v0=</c> followed by the lowercase hex HMAC the signing secret gives.</summary>
    WrongSignature,
}

/// <summary>
/// Verifies Slack's request signing: <c>X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"))</c>,
/// compared in constant time, with <c>X-Slack-Request-Timestamp</c> within ±300 s of now.
/// Verify the raw body bytes exactly as received, before any parsing.
/// </summary>
public sealed class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    private const string Version = "v0";

    private readonly byte[] key;
    private readonly TimeProvider time;

    public SlackSignature(string signingSecret, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        key = Encoding.UTF8.GetBytes(signingSecret);
        this.time = time;
    }

    /// <param name="timestamp">The <c>X-Slack-Request-Timestamp</c> header, or null when absent.</param>
    /// <param name="signature">The <c>X-Slack-Signature</c> header, or null when absent.</param>
    /// <param name="rawBody">The request body exactly as received.</param>
    public SlackSignatureResult Verify(string? timestamp, string? signature, ReadOnlySpan<byte> rawBody)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            return SlackSignatureResult.MissingHeaders;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return SlackSignatureResult.BadTimestamp;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        // Compare without overflow: a huge timestamp is just stale.
        var skew = (long)SlackLimits.SignatureClockSkew.TotalSeconds;
        if (seconds > now + skew || seconds < now - skew)
            return SlackSignatureResult.Stale;
        var expected = Encoding.ASCII.GetBytes(Compute(key, timestamp, rawBody));
        var given = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SlackSignatureResult.Valid : SlackSignatureResult.WrongSignature;
    }

    /// <summary>Verifies a body given as text (encoded as UTF-8, as Slack sends it).</summary>
    public SlackSignatureResult Verify(string? timestamp, string? signature, string rawBody) =>
        Verify(timestamp, signature, Encoding.UTF8.GetBytes(rawBody));

    /// <summary>The <c>X-Slack-Signature</c> value Slack would send: for tests and the fake Slack.</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> rawBody)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        return Compute(Encoding.UTF8.GetBytes(signingSecret), timestamp, rawBody);
    }

    /// <inheritdoc cref="Sign(string, string, ReadOnlySpan{byte})"/>
    public static string Sign(string signingSecret, string timestamp, string rawBody) =>
        Sign(signingSecret, timestamp, Encoding.UTF8.GetBytes(rawBody));

    /// <summary>A timestamp header value for <paramref name="at"/>.</summary>
    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Compute(byte[] key, string timestamp, ReadOnlySpan<byte> rawBody)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(prefix);
        hmac.AppendData(rawBody);
        return Version + "=" + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}

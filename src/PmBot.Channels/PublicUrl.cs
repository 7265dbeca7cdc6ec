namespace PmBot.Channels;

/// <summary>Turns the URLs in messages (PmBot's files are relative: <c>/files/…</c>) into ones a channel's servers can fetch.</summary>
public static class PublicUrl
{
    /// <summary>An absolute http(s) URL as it is; a path against <paramref name="publicBase"/>; otherwise null (nothing a remote client could fetch).</summary>
    public static string? Resolve(string url, Uri? publicBase)
    {
        // (On Unix "/files/x" also parses as an absolute file: URI, hence the scheme test before the path test.)
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
            return absolute.AbsoluteUri;
        if (publicBase is not null && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            return new Uri(publicBase, url).AbsoluteUri;
        return null;
    }
}

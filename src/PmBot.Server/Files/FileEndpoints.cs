using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace PmBot.Server.Files;

/// <summary>
/// <c>GET /files/{id}?exp=…&amp;sig=…</c>: a published file. A bad or missing signature is 403, an expired URL 410, an
/// unknown (or purged) file 404, each with an empty body. Images are shown inline, everything else downloads.
/// </summary>
public static class FileEndpoints
{
    /// <summary>Shown in the browser; anything else (CSV, and any type that could carry script) is a download.</summary>
    private static readonly HashSet<string> InlineTypes = new(StringComparer.OrdinalIgnoreCase) { "image/png", "image/jpeg", "image/gif", "image/webp" };

    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        app.MapMethods(FileUrlSigner.PathPrefix + "{id}", [HttpMethods.Get, HttpMethods.Head], ServeAsync);
        return app;
    }

    private static async Task<IResult> ServeAsync(string id, HttpContext http, SignedFilePublisher publisher, TimeProvider time, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        var query = http.Request.Query;
        if (!Guid.TryParse(id, out var fileId) || !long.TryParse(query["exp"], NumberStyles.None, CultureInfo.InvariantCulture, out var exp))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        var (access, file) = await publisher.OpenAsync(fileId, exp, query["sig"], cancellationToken);
        switch (access)
        {
            case FileLookup.BadSignature:
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            case FileLookup.Expired:
                return Results.StatusCode(StatusCodes.Status410Gone);
            case FileLookup.NotFound:
                return Results.NotFound();
        }

        var headers = http.Response.Headers;
        // The URL never names other content, so the file may be kept until it expires.
        var maxAge = (long)Math.Max(0, (file!.ExpiresAt - time.GetUtcNow()).TotalSeconds);
        headers.CacheControl = $"private, max-age={maxAge.ToString(CultureInfo.InvariantCulture)}, immutable";
        headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue(InlineTypes.Contains(file.ContentType) ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName);
        headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(file.Content, file.ContentType);
    }
}

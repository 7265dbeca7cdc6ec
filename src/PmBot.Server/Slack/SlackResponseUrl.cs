using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PmBot.Server.Slack;

/// <summary>
/// Answers a slash command or a click later through its <c>response_url</c> (no token needed; Slack allows 5 uses in
/// 30 minutes, so at most <see cref="MaxUses"/> pages are posted).
/// </summary>
public sealed partial class SlackResponseUrl(IHttpClientFactory http, ILogger<SlackResponseUrl> log)
{
    public const string HttpClientName = "SlackResponseUrl";
    public const int MaxUses = 5;

    public async Task PostAsync(string responseUrl, IReadOnlyList<JsonObject> payloads, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            return;
        using var client = http.CreateClient(HttpClientName);
        foreach (var payload in payloads.Take(MaxUses))
        {
            try
            {
                using var response = await client.PostAsJsonAsync(url, payload, cancellationToken);
                if (!response.IsSuccessStatusCode)
                    LogFailed(log, (int)response.StatusCode);
            }
            catch (HttpRequestException ex)
            {
                LogUnreachable(log, ex);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack response_url answered {Status}")]
    private static partial void LogFailed(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack response_url could not be reached")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace PmBot.Channels.Teams.Outbound;

/// <summary>
/// The bot's client-credentials token for the Bot Connector (scope <c>https://api.botframework.com/.default</c>),
/// from <c>{LoginBaseAddress}{botframework.com|tenantId}/oauth2/v2.0/token</c>, cached until
/// <see cref="BotConnectorOptions.TokenRefreshMargin"/> before it expires. Without credentials there is no token.
/// </summary>
public sealed class BotConnectorTokenProvider : IDisposable
{
    private readonly HttpClient _http;
    private readonly BotConnectorOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    public BotConnectorTokenProvider(HttpClient http, IOptions<BotConnectorOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _time = time;
    }

    /// <summary>True when an app id and secret are configured.</summary>
    public bool HasCredentials => !string.IsNullOrEmpty(_options.AppId) && !string.IsNullOrEmpty(_options.AppPassword);

    /// <summary>The bearer token, or null in local mode (no credentials).</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (!HasCredentials)
            return null;
        if (_token is { } cached && _time.GetUtcNow() < _renewAt)
            return cached;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } again && _time.GetUtcNow() < _renewAt)
                return again;
            var authority = string.IsNullOrEmpty(_options.TenantId) ? "botframework.com" : _options.TenantId;
            var url = new Uri(_options.LoginBaseAddress, $"{Uri.EscapeDataString(authority)}/oauth2/v2.0/token");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = _options.AppId!,
                ["client_secret"] = _options.AppPassword!,
                ["scope"] = _options.Scope,
            });
            HttpResponseMessage response;
            try
            {
                response = await _http.PostAsync(url, form, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new BotConnectorTransientException("token", null, "Token endpoint unreachable: " + ex.Message, ex);
            }
            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    var status = (int)response.StatusCode;
                    var message = $"Token request failed with HTTP {status}.";
                    throw status >= 500 || status == 429
                        ? new BotConnectorTransientException("token", response.StatusCode, message)
                        : new BotConnectorException("token", response.StatusCode, message);
                }
                var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
                var token = (string?)json?["access_token"] ?? throw new BotConnectorException("token", response.StatusCode, "Token response has no access_token.");
                var expiresIn = json?["expires_in"] is JsonValue v && v.TryGetValue(out int seconds) ? seconds
                    : json?["expires_in"] is JsonValue s && s.TryGetValue(out string? text) && int.TryParse(text, out var parsed) ? parsed : 3600;
                _token = token;
                _renewAt = _time.GetUtcNow() + TimeSpan.FromSeconds(expiresIn) - _options.TokenRefreshMargin;
                return token;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PmBot.Channels.Teams.Outbound;

/// <summary>The service URLs the bot's token may be sent to.</summary>
public interface ITrustedServiceUrls
{
    bool IsTrusted(Uri serviceUrl);
}

/// <summary>
/// The allow-list: URLs from configuration plus those the server adds from authenticated activities
/// (<see cref="Add"/>). Compared by scheme, host, port and path, ignoring case and a trailing slash.
/// </summary>
public sealed class TrustedServiceUrls : ITrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _urls = new(StringComparer.OrdinalIgnoreCase);

    public TrustedServiceUrls(IOptions<BotConnectorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var url in options.Value.TrustedServiceUrls)
            Add(url);
    }

    /// <summary>Trusts a service URL (call only for one taken from an authenticated activity or configuration).</summary>
    public void Add(Uri serviceUrl) => _urls.TryAdd(Key(serviceUrl), 0);

    public bool IsTrusted(Uri serviceUrl) => serviceUrl.IsAbsoluteUri && _urls.ContainsKey(Key(serviceUrl));

    private static string Key(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}

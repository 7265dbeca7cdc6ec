using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PmBot.Core.Outbox;

namespace PmBot.Channels.Teams.Outbound;

public static class TeamsOutboundServiceCollectionExtensions
{
    /// <summary>The named HttpClient of Bot Connector calls.</summary>
    public const string HttpClientName = "BotConnector";

    /// <summary>The named HttpClient of token requests.</summary>
    public const string TokenHttpClientName = "BotConnectorToken";

    /// <summary>
    /// Registers the Adaptive Card renderer, the token provider, the trusted service URL list (as
    /// <see cref="TrustedServiceUrls"/> and <see cref="ITrustedServiceUrls"/>, unless the host registered its own),
    /// the Bot Connector client and the outbox sender. The host registers an <see cref="ITeamsConversationStore"/>
    /// and binds <see cref="BotConnectorOptions"/>.
    /// </summary>
    public static IServiceCollection AddTeamsOutbound(this IServiceCollection services, Action<BotConnectorOptions>? configure = null)
    {
        var options = services.AddOptions<BotConnectorOptions>();
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new AdaptiveCardRenderer());
        services.TryAddSingleton<TrustedServiceUrls>();
        services.TryAddSingleton<ITrustedServiceUrls>(sp => sp.GetRequiredService<TrustedServiceUrls>());
        // Timeouts are the resilience pipeline's (per attempt), not HttpClient's.
        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddHttpClient(TokenHttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton(sp => new BotConnectorTokenProvider(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(TokenHttpClientName),
            sp.GetRequiredService<IOptions<BotConnectorOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new BotConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<BotConnectorTokenProvider>(),
            sp.GetRequiredService<ITrustedServiceUrls>(),
            sp.GetRequiredService<IOptions<BotConnectorOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BotConnectorClient>>()));
        services.TryAddSingleton<TeamsSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<TeamsSender>());
        return services;
    }
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PmBot.Channels.Slack.SocketMode;
using PmBot.Core.Outbox;

namespace PmBot.Channels.Slack;

public static class SlackChannelServiceCollectionExtensions
{
    /// <summary>The named HttpClient the Slack Web API client uses.</summary>
    public const string HttpClientName = "Slack";

    /// <summary>
    /// Registers the Slack Web API client, the per-workspace resilience pipelines and the outbox sender. The host also
    /// registers an <see cref="ISlackTokenProvider"/> and an <see cref="ISlackMessageRenderer"/>, and binds
    /// <see cref="SlackOptions"/> (e.g. <c>services.Configure&lt;SlackOptions&gt;(config.GetSection("Slack"))</c>).
    /// </summary>
    public static IServiceCollection AddSlackChannel(this IServiceCollection services, Action<SlackOptions>? configure = null)
    {
        var options = services.AddOptions<SlackOptions>();
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.TryAddSingleton<SlackWorkspaceResilience>();

        // The client is a long-lived singleton (the outbox sender holds it), so connections are recycled by the
        // handler's pooled-connection lifetime rather than by the factory's handler rotation. Timeouts are the
        // resilience pipeline's (per attempt), not HttpClient's.
        services.AddHttpClient(HttpClientName, (sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseAddress;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(sp => new SlackWebApiClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<SlackWorkspaceResilience>(),
            sp.GetRequiredService<IMemoryCache>(),
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackWebApiClient>>()));
        services.TryAddSingleton<SlackSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<SlackSender>());
        return services;
    }

    /// <summary>
    /// Registers the Socket Mode client with the handler that routes envelopes (as the HTTP endpoints would). The host
    /// runs <see cref="SlackSocketModeClient.RunAsync"/> (e.g. from a background service) when Socket Mode is on.
    /// </summary>
    public static IServiceCollection AddSlackSocketMode(this IServiceCollection services,
        Func<IServiceProvider, Func<SocketModeEnvelope, CancellationToken, Task<JsonNode?>>> handler)
    {
        services.TryAddSingleton(sp => new SlackSocketModeClient(
            sp.GetRequiredService<SlackWebApiClient>(),
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            handler(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackSocketModeClient>>()));
        return services;
    }
}

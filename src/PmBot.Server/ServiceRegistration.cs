using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Hangfire.PostgreSql;
using Npgsql;
using PmBot.Channels.Slack;
using PmBot.Charts;
using PmBot.Channels.Teams.Inbound;
using PmBot.Channels.Teams.Outbound;
using PmBot.Channels.WebChat;
using PmBot.Core.Dispatching;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;
using PmBot.Server.Files;
using PmBot.Server.Jobs;
using PmBot.Server.Outbox;
using PmBot.Server.Slack;
using PmBot.Server.Teams;
using PmBot.Server.WebChat;
using PmBot.Storage;

namespace PmBot.Server;

/// <summary>The composition root: every PmBot service, wired from configuration.</summary>
public static class ServiceRegistration
{
    /// <summary>Hangfire's own pooled connections (with the usual reset between users).</summary>
    private const string HangfireDataSourceKey = "hangfire";

    public static IServiceCollection AddPmBot(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var options = configuration.GetSection(PmBotOptions.Section).Get<PmBotOptions>() ?? new PmBotOptions();
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddPmBotStorage(storage, contentRoot);
        // Protects stored channel tokens; keys live in the domain store so every instance can read them.
        services.AddDataProtection().SetApplicationName("PmBot").PersistKeysToDbContext<PmBotDbContext>();

        services.AddSingleton(CommandTable.CreateDefault());
        services.AddScoped<BotDispatcher>();
        AddFiles(services, options);

        services.AddSingleton<IChannelSender, WebChatSender>();
        var outbox = configuration.GetSection("PmBot:Outbox").Get<OutboxDispatcherOptions>() ?? new OutboxDispatcherOptions();
        services.AddSingleton(outbox);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OutboxDispatcher>(sp, LeaseOwnerName()));
        if (outbox.Enabled)
            services.AddHostedService<OutboxDispatcherService>();

        services.AddSingleton<DispatchRunner>();
        AddSlack(services, configuration, options);
        AddTeams(services, configuration, options);

        services.AddSingleton<LocalUsers>();
        services.AddTransient<HousekeepingJob>();
        services.AddSingleton<IRecurringJobSource, HousekeepingJobSource>();
        services.AddTransient<CheckinJob>();
        services.AddSingleton<IRecurringJobSource, CheckinJobSource>();
        services.AddSingleton<PmBot.Core.Ports.ICheckinScheduleObserver, CheckinJobSync>();
        services.AddTransient<DigestJob>();
        services.AddSingleton<IRecurringJobSource, DigestJobSource>();
        if (storage.Provider == StorageProvider.Postgres)
            services.AddKeyedSingleton(HangfireDataSourceKey, (_, _) => PostgresConnections.Build(storage.ConnectionString!, resetOnClose: true));
        services.AddHangfire((sp, hangfire) =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
                .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()));
            if (storage.Provider == StorageProvider.Postgres)
            {
                hangfire.UsePostgreSqlStorage(
                    o => o.UseConnectionFactory(new DataSourceConnectionFactory(sp.GetRequiredKeyedService<NpgsqlDataSource>(HangfireDataSourceKey))),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", UseSlidingInvisibilityTimeout = true, QueuePollInterval = TimeSpan.FromSeconds(5), PrepareSchemaIfNecessary = true });
            }
            else
            {
                hangfire.UseInMemoryStorage();
            }
        });
        if (options.Hangfire.RunServer)
            services.AddHangfireServer(o => o.WorkerCount = Math.Max(1, options.Hangfire.WorkerCount));
        services.AddHostedService<RecurringJobRegistrar>();
        return services;
    }

    /// <summary>Charts drawn to PNG and files kept in the database behind signed, expiring URLs.</summary>
    private static void AddFiles(IServiceCollection services, PmBotOptions options)
    {
        services.AddSingleton(options.Files);
        services.AddSingleton<FileUrlSigner>();
        services.AddSingleton<SignedFilePublisher>();
        services.AddSingleton<IFilePublisher>(sp => sp.GetRequiredService<SignedFilePublisher>());
        services.AddSingleton<IPublishedFileReader>(sp => sp.GetRequiredService<SignedFilePublisher>());
        services.AddSingleton<IChartRenderer, ScottPlotChartRenderer>();
    }

    /// <summary>Slack, when configured (a signing secret for HTTP, an app-level token for Socket Mode).</summary>
    private static void AddSlack(IServiceCollection services, IConfiguration configuration, PmBotOptions options)
    {
        var slack = configuration.GetSection(SlackAppOptions.Section).Get<SlackAppOptions>() ?? new SlackAppOptions();
        slack.PublicBaseUrl ??= options.PublicBaseUrl;
        services.AddSingleton(slack);
        if (!slack.Enabled)
            return;
        services.Configure<SlackOptions>(configuration.GetSection(SlackAppOptions.Section));
        services.AddSlackChannel();
        services.AddSingleton<ISlackMessageRenderer>(new BlockKitMessageRenderer(new SlackRenderOptions { PublicBaseUrl = slack.PublicBaseUrl }));
        services.AddSingleton<SlackTokenStore>();
        services.AddSingleton<ISlackTokenProvider>(sp => sp.GetRequiredService<SlackTokenStore>());
        services.AddHttpClient(SlackResponseUrl.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<SlackResponseUrl>();
        services.AddSingleton<SlackRequestHandler>();
        if (slack.SocketMode)
        {
            services.AddSlackSocketMode(SlackSocketModeService.Router);
            services.AddHostedService<SlackSocketModeService>();
        }
    }

    /// <summary>Microsoft Teams (Bot Framework), when an app id is configured or unauthenticated local mode is on.</summary>
    private static void AddTeams(IServiceCollection services, IConfiguration configuration, PmBotOptions options)
    {
        var teams = configuration.GetSection(TeamsAppOptions.Section).Get<TeamsAppOptions>() ?? new TeamsAppOptions();
        services.AddSingleton(teams);
        if (!teams.Enabled)
            return;
        services.Configure<BotConnectorOptions>(configuration.GetSection(TeamsAppOptions.Section));
        // Teams fetches card images itself: relative file URLs need PmBot's public address.
        services.AddSingleton(new AdaptiveCardRenderer(publicBaseUrl: options.PublicBaseUrl));
        services.AddTeamsOutbound();
        services.AddSingleton<EfTeamsConversationStore>();
        services.AddSingleton<ITeamsConversationStore>(sp => sp.GetRequiredService<EfTeamsConversationStore>());
        services.AddHttpClient("BotFrameworkMetadata", http => http.Timeout = TimeSpan.FromSeconds(10));
        var auth = new BotFrameworkAuthOptions { AppId = teams.AppId, TenantId = teams.TenantId, AllowUnauthenticated = teams.AllowUnauthenticated };
        if (teams.ChannelMetadataUrl is not null)
            auth = auth with { ChannelMetadataUrl = teams.ChannelMetadataUrl };
        if (teams.EmulatorMetadataUrl is not null)
            auth = auth with { EmulatorMetadataUrl = teams.EmulatorMetadataUrl };
        services.AddSingleton(sp => new BotFrameworkAuthenticator(
            auth with { TimeProvider = sp.GetRequiredService<TimeProvider>() },
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("BotFrameworkMetadata"),
            sp.GetRequiredService<ILogger<BotFrameworkAuthenticator>>()));
    }

    /// <summary>This process's outbox lease owner: host, process id and a random part (a restarted process is a new owner).</summary>
    private static string LeaseOwnerName()
    {
        var host = Environment.MachineName.Length > 60 ? Environment.MachineName[..60] : Environment.MachineName;
        return $"{host}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    }
}

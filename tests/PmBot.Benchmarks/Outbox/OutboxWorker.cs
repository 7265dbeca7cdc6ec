using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PmBot.Core.Outbox;
using PmBot.Storage;

namespace PmBot.Benchmarks.Outbox;

/// <summary>
/// A dispatcher process, as a PmBot server runs it: the PostgreSQL storage wiring (LISTEN pmbot_outbox wakes the
/// dispatcher), <see cref="OutboxDispatcher.RunAsync"/>, and a <see cref="LoopbackChannelSender"/> to the fake.
/// Prints READY once started; stops when its standard input closes or says "stop".
/// </summary>
public static class OutboxWorker
{
    public const string Mode = "outbox-worker";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var connectionString = args.Required("cs");
        var fake = new Uri(args.Required("fake"));
        var owner = args.Required("owner");
        var options = new OutboxDispatcherOptions
        {
            Lease = TimeSpan.FromSeconds(args.Double("lease", 5)),
            BatchSize = args.Int("batch-size", new OutboxDispatcherOptions().BatchSize),
            MaxParallelConversations = args.Int("parallel", new OutboxDispatcherOptions().MaxParallelConversations),
        };

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter((_, _, level) => level >= LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPmBotStorage(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString, MigrateOnStartup = false }, AppContext.BaseDirectory);
        builder.Services.AddSingleton(options);
        // Time the real store's calls (reported on stop).
        builder.Services.AddSingleton(sp => new TimedOutboxStore(ActivatorUtilities.CreateInstance<Storage.Outbox.PostgresOutboxStore>(sp)));
        builder.Services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<TimedOutboxStore>());
        builder.Services.AddSingleton(_ => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = fake,
            Timeout = TimeSpan.FromSeconds(10),
        });
        builder.Services.AddSingleton(sp => new LoopbackChannelSender(sp.GetRequiredService<HttpClient>(), owner));
        builder.Services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<LoopbackChannelSender>());
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OutboxDispatcher>(sp, owner));
        builder.Services.AddHostedService<DispatcherService>();

        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine("READY " + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        while (await Console.In.ReadLineAsync() is { } line && !line.Equals("stop", StringComparison.OrdinalIgnoreCase))
        {
        }
        await host.StopAsync(TimeSpan.FromSeconds(10));
        await Console.Error.WriteLineAsync(host.Services.GetRequiredService<TimedOutboxStore>().Summary() + "; " + host.Services.GetRequiredService<LoopbackChannelSender>().Summary());
        return 0;
    }

    private sealed class DispatcherService(OutboxDispatcher dispatcher) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
    }
}

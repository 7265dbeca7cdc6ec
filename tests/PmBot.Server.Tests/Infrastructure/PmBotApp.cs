using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PmBot.Core.Ports;
using PmBot.Storage;
using PmBot.TestSupport;

namespace PmBot.Server.Tests.Infrastructure;

/// <summary>Which store a test runs on.</summary>
public enum Store
{
    Sqlite,
    Postgres,
}

/// <summary>
/// PmBot over real HTTP in memory (WebApplicationFactory) on a real store: a fresh SQLite file or a fresh
/// PostgreSQL database. <see cref="RestartAsync"/> starts a new server on the same data.
/// </summary>
public sealed class PmBotApp : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _sqliteFolder;
    private readonly Action<IServiceCollection>? _services;

    private PmBotApp(Dictionary<string, string?> settings, string? sqliteFolder, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _sqliteFolder = sqliteFolder;
        _services = services;
        Factory = Create(settings, services);
    }

    public WebApplicationFactory<Program> Factory { get; private set; }

    public Store Store => _sqliteFolder is null ? Store.Postgres : Store.Sqlite;

    public IServiceProvider Services => Factory.Services;

    /// <summary>
    /// Starts PmBot on a fresh database (or, with <paramref name="postgresDatabase"/>, on that one: a second instance);
    /// <paramref name="services"/> adds or replaces services (fakes of ports whose implementation lives elsewhere).
    /// </summary>
    public static async Task<PmBotApp> StartAsync(Store store, IDictionary<string, string?>? extra = null, string? postgresDatabase = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["PmBot:Hangfire:RunServer"] = "false",
            ["PmBot:Outbox:IdlePoll"] = "00:00:00.500",
            // EF's check that no unit of work runs two queries at once (off in production for speed).
            ["PmBot:Storage:ThreadSafetyChecks"] = "true",
        };
        string? folder = null;
        if (store == Store.Postgres)
        {
            settings["PmBot:Storage:Provider"] = "Postgres";
            settings["PmBot:Storage:ConnectionString"] = postgresDatabase ?? await (await TestPostgres.SharedAsync()).CreateDatabaseAsync();
        }
        else
        {
            folder = Path.Combine(Path.GetTempPath(), "pmbot-test-" + Guid.NewGuid().ToString("N")[..12]);
            settings["PmBot:Storage:Provider"] = "Sqlite";
            settings["PmBot:Storage:DataDirectory"] = folder;
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        var app = new PmBotApp(settings, folder, services);
        _ = app.Factory.Server; // start now: migrations and seeding run here
        return app;
    }

    public WebChatClient Chat(string userId) => new(Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true }), userId);

    public HttpClient CreateClient() => Factory.CreateClient();

    public T Get<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>Stops this server and starts a new one on the same database (the data must survive).</summary>
    public async Task RestartAsync()
    {
        await Factory.DisposeAsync();
        Factory = Create(_settings, _services);
        _ = Factory.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The bytes of a file a command published (read from the test publisher, or fetched from the server's own).</summary>
    public async Task<byte[]> ReadPublishedAsync(string url)
    {
        if (Get<IFilePublisher>() is InMemoryFilePublisher memory)
            return memory.Find(url)?.Bytes ?? throw new InvalidOperationException($"Nothing was published at {url}.");
        using var client = CreateClient();
        return await client.GetByteArrayAsync(url);
    }

    private static WebApplicationFactory<Program> Create(Dictionary<string, string?> settings, Action<IServiceCollection>? services) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
            // Exports need a file publisher; the server's own one wins when it has one.
            builder.ConfigureTestServices(services => services.TryAddSingleton<IFilePublisher>(sp => new InMemoryFilePublisher(sp.GetRequiredService<TimeProvider>())));
            if (services is not null)
                builder.ConfigureTestServices(services);
        });
}

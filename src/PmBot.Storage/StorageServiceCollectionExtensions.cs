using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;
using PmBot.Storage.Outbox;
using PmBot.Storage.WebChat;

namespace PmBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the domain store, the outbox store and the web chat transcript for the configured provider.</summary>
    /// <param name="services">The container.</param>
    /// <param name="options">The storage options (provider, file folder or connection string).</param>
    /// <param name="contentRoot">Base for a relative SQLite data folder.</param>
    public static IServiceCollection AddPmBotStorage(this IServiceCollection services, StorageOptions options, string contentRoot)
    {
        services.TryAddSingleton<IOutboxSignal, OutboxSignal>();
        services.AddSingleton(options);
        if (options.Provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
                throw new InvalidOperationException("PmBot:Storage:ConnectionString is required when PmBot:Storage:Provider is Postgres.");
            services.AddSingleton(_ => PostgresConnections.Build(options.ConnectionString));
            services.AddDbContextFactory<PostgresPmBotDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()).EnableThreadSafetyChecks(options.ThreadSafetyChecks));
            services.AddSingleton<IDbContextFactory<PmBotDbContext>>(sp => new PmBotDbContextFactory<PostgresPmBotDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresPmBotDbContext>>()));
            services.AddScoped<PmBotDbContext>(sp => sp.GetRequiredService<PostgresPmBotDbContext>());
            services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
            services.AddHostedService<PostgresOutboxListener>();
        }
        else
        {
            var connectionString = SqliteConnectionString(options, contentRoot);
            services.AddDbContextFactory<SqlitePmBotDbContext>(o => o.UseSqlite(connectionString).EnableThreadSafetyChecks(options.ThreadSafetyChecks));
            services.AddSingleton<IDbContextFactory<PmBotDbContext>>(sp => new PmBotDbContextFactory<SqlitePmBotDbContext>(sp.GetRequiredService<IDbContextFactory<SqlitePmBotDbContext>>()));
            services.AddScoped<PmBotDbContext>(sp => sp.GetRequiredService<SqlitePmBotDbContext>());
            services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        }
        services.AddScoped<IPmStore, EfPmStore>();
        services.AddSingleton<IWebChatTranscript, EfWebChatTranscript>();
        services.AddSingleton<Maintenance>();
        services.AddSingleton<Files.FileStore>();
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    public static string SqliteConnectionString(StorageOptions options, string contentRoot)
    {
        var folder = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "pmbot.db")};Default Timeout=30";
    }
}

/// <summary>Exposes a provider-specific context factory as the factory of the shared base type.</summary>
internal sealed class PmBotDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PmBotDbContext>
    where TContext : PmBotDbContext
{
    public PmBotDbContext CreateDbContext() => inner.CreateDbContext();
}

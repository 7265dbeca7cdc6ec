using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PmBot.Core.Domain;
using PmBot.Core.Outbox;
using PmBot.Storage;
using PmBot.TestSupport;

namespace PmBot.Benchmarks.Outbox;

/// <summary>A fresh migrated PmBot database and the real write path into its outbox (EfPmStore + SaveChangesAsync).</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly DbContextOptions<PostgresPmBotDbContext> _options;
    private readonly CommitClock _clock = new();
    private readonly OutboxSignal _signal = new();

    private BenchDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        _options = new DbContextOptionsBuilder<PostgresPmBotDbContext>().UseNpgsql(DataSource).AddInterceptors(_clock).Options;
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates the database, applies the migrations with <see cref="DatabaseMigrator"/>, builds the EF model.</summary>
    /// <param name="server">The PostgreSQL server.</param>
    /// <param name="prefix">The database name's prefix.</param>
    /// <param name="resetOnClose">Send Npgsql's DISCARD ALL on pooled reuse (PmBot does not: see PostgresConnections).</param>
    public static async Task<BenchDatabase> CreateAsync(TestPostgres server, string prefix, bool resetOnClose)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync(prefix)) { NoResetOnClose = !resetOnClose }.ConnectionString;
        var db = new BenchDatabase(connectionString);
        await new DatabaseMigrator(new Factory(db._options), NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using (var context = new PostgresPmBotDbContext(db._options))
            _ = await context.OutboxMessages.CountAsync();
        // Idle pooled connections would publish their counters after the reset; close them.
        db.DataSource.Clear();
        return db;
    }

    /// <summary>
    /// Inserts messages <c>{prefix}0 … {prefix}{count-1}</c> through <see cref="EfPmStore"/>, <paramref name="batch"/> per
    /// transaction, from <paramref name="producers"/> concurrent producers, paced to <paramref name="rate"/> messages a
    /// second (0: as fast as they go). Returns each message's commit timestamp (<see cref="Stopwatch"/>).
    /// </summary>
    public async Task<long[]> ProduceAsync(string prefix, int count, int batch, int producers, double rate, int conversations, int workspaces)
    {
        var workspaceIds = Enumerable.Range(0, workspaces).Select(w => new Guid(w + 1, 0, 0, new byte[8])).ToArray();
        var committed = new long[count];
        var batches = (count + batch - 1) / batch;
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        var payload = """{"text":"Reminder: the weekly status of project APOLLO is due today. Reply with done, blocked or a short note.","buttons":[]}""";

        async Task Producer()
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < batches)
            {
                if (rate > 0)
                {
                    var due = start + (long)(b * (double)batch / rate * Stopwatch.Frequency);
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                    if (wait > TimeSpan.FromMilliseconds(1))
                        await Task.Delay(wait);
                }
                await using var context = new PostgresPmBotDbContext(_options);
                var store = new EfPmStore(context, _signal, new Factory(_options));
                var first = b * batch;
                var last = Math.Min(count, first + batch);
                var now = TimeProvider.System.GetUtcNow();
                for (var i = first; i < last; i++)
                {
                    var conversation = i % conversations;
                    store.Enqueue(new OutboxMessage
                    {
                        Channel = ChannelKind.WebChat,
                        WorkspaceId = workspaceIds[conversation % workspaces],
                        ConversationId = "bench-conversation-" + conversation,
                        IdempotencyKey = prefix + i,
                        Payload = payload,
                        CreatedAt = now,
                        NextAttemptAt = now,
                    });
                }
                await store.SaveChangesAsync(CancellationToken.None);
                var at = _clock.Take(context);
                for (var i = first; i < last; i++)
                    committed[i] = at;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(Producer)));
        return committed;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        _signal.Dispose();
    }

    private sealed class Factory(DbContextOptions<PostgresPmBotDbContext> options) : IDbContextFactory<PmBotDbContext>
    {
        public PmBotDbContext CreateDbContext() => new PostgresPmBotDbContext(options);
    }
}

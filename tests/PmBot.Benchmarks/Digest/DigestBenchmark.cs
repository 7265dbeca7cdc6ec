using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PmBot.Channels.Slack;
using PmBot.Core.Features.Digest;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;
using PmBot.Storage;
using PmBot.TestSupport;

namespace PmBot.Benchmarks.Digest;

/// <summary>
/// Builds one PM's daily digest the way the digest job does (<see cref="DigestDelivery.TryEnqueueAsync"/>: the checks,
/// every section, the outbox row staged, not committed) for a small project and a large one (10,000 tasks, 300 members,
/// 90 days of check-ins), on SQLite and PostgreSQL. Reports the time per digest and the database commands it sent,
/// counted by an EF command interceptor: the count must not grow with the project.
/// Options: --iterations 30 --store sqlite|postgres|both.
/// </summary>
public static class DigestBenchmark
{
    public const double TargetMs = 100;

    private static readonly ProjectSize[] Sizes =
    [
        new("small", Tasks: 100, Members: 30, Stakeholders: 5, Days: 90),
        new("large", Tasks: 10_000, Members: 300, Stakeholders: 20, Days: 90),
    ];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var iterations = args.Int("iterations", 30);
        var warmup = args.Int("warmup", 10);
        var stores = (args.String("store") ?? "both") switch
        {
            "sqlite" => new[] { StorageProvider.Sqlite },
            "postgres" => [StorageProvider.Postgres],
            _ => [StorageProvider.Sqlite, StorageProvider.Postgres],
        };
        var failures = new List<string>();
        Console.WriteLine($"Digest benchmark: {iterations} digests per case after {warmup} warm-up ones");
        var gc = GC.GetConfigurationVariables();
        var asServer = System.Runtime.GCSettings.IsServerGC && Equals(gc.GetValueOrDefault("GCDynamicAdaptationMode"), 0L);
        Console.WriteLine($"load average: {LoadAverage()}; garbage collector: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, "
            + $"DATAS {(Equals(gc.GetValueOrDefault("GCDynamicAdaptationMode"), 0L) ? "off" : "on")}"
            + (asServer ? " (as PmBot.Server runs)" : " (PmBot.Server runs the server collector without DATAS: DOTNET_gcServer=1 DOTNET_GCDynamicAdaptationMode=0 measures as it does)"));
        Console.WriteLine($"{"store",-9} {"project",-44} {"seed s",7} {"min ms",8} {"mean ms",8} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"cpu ms",8} {"alloc MB",8} {"queries",8} {"KB",6} {"blocks",7}");
        foreach (var provider in stores)
        {
            var queries = new Dictionary<string, int>();
            foreach (var size in Sizes)
            {
                await using var database = await BenchStore.CreateAsync(provider, size.Name);
                var now = TimeProvider.System.GetUtcNow();
                var seed = Stopwatch.StartNew();
                var (projectId, pmId) = await DigestSeed.WriteAsync(database.Context, size, now);
                // Statistics for the planner and (PostgreSQL) the visibility map, as autovacuum makes them soon after a bulk load.
                await using (var db = database.Context())
                    await db.Database.ExecuteSqlRawAsync(provider == StorageProvider.Postgres ? "VACUUM ANALYZE" : "ANALYZE");
                seed.Stop();
                var today = DateOnly.FromDateTime(now.UtcDateTime);
                var digest = new DueDigest(projectId, pmId, today, now);
                var times = new List<double>();
                var cpu = new List<double>();
                var allocated = new List<double>();
                int commands = 0, bytes = 0, blocks = 0;
                for (var i = 0; i < iterations + warmup; i++)
                {

                    await using var db = database.Context();
                    var store = new EfPmStore(db, new OutboxSignal(), database.Readers);
                    database.Counter.Reset();
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                    var start = Stopwatch.GetTimestamp();
                    if (!await DigestDelivery.TryEnqueueAsync(store, digest, now, CancellationToken.None))
                        throw new InvalidOperationException("The digest was not built.");
                    var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    var bytesAfter = GC.GetTotalAllocatedBytes(precise: true);
                    if (i < warmup)
                        continue;
                    times.Add(elapsed);
                    cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
                    allocated.Add((bytesAfter - bytesBefore) / 1024.0 / 1024.0);
                    commands = database.Counter.Count;
                    var row = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity;
                    bytes = row.Payload.Length;
                    blocks = SlackBlockKitRenderer.RenderMessage(OutboundMessage.FromJson(row.Payload)).Pages.Sum(p => p.Count);
                }
                times.Sort();
                var p50 = Percentile(times, 0.50);
                queries[size.Name] = commands;
                var label = $"{size.Name}: {size.Tasks:N0} tasks, {size.Members + size.Stakeholders} people, {size.Days} d";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{provider,-9} {label,-44} {seed.Elapsed.TotalSeconds,7:F1} {times[0],8:F1} {times.Average(),8:F1} {p50,8:F1} {Percentile(times, 0.95),8:F1} {times[^1],8:F1} {cpu.Average(),8:F1} {Percentile(allocated.Order().ToList(), 0.5),8:F1} {commands,8} {bytes / 1024.0,6:F1} {blocks,7}"));
                Console.WriteLine("          where the time goes (mean ms): " + await SectionTimesAsync(database, projectId, pmId, today, now, iterations));
                if (p50 >= TargetMs)
                    failures.Add($"{provider} {size.Name}: p50 {p50:F1} ms >= {TargetMs} ms");
            }
            if (queries.Values.Distinct().Count() > 1)
                failures.Add($"{provider}: the number of queries grows with the project ({string.Join(", ", queries.Select(q => $"{q.Key} {q.Value}"))})");
        }
        Console.WriteLine($"load average: {LoadAverage()}");
        foreach (var failure in failures)
            Console.WriteLine("FAIL " + failure);
        return 0;
    }

    /// <summary>The digest's parts timed one by one: its period (settings, holidays, absences) and each section.</summary>
    private static async Task<string> SectionTimesAsync(BenchStore database, Guid projectId, Guid pmId, DateOnly today, DateTimeOffset now, int iterations)
    {
        var totals = new Dictionary<string, double>();
        void Add(string name, double ms) => totals[name] = totals.GetValueOrDefault(name) + ms / iterations;
        for (var i = 0; i < iterations; i++)
        {
            await using var db = database.Context();
            var store = new EfPmStore(db, new OutboxSignal(), database.Readers);
            var project = (await store.GetProjectAsync(projectId, CancellationToken.None))!;
            var workspace = (await store.GetWorkspaceAsync(project.WorkspaceId, CancellationToken.None))!;
            var pm = (await store.GetMemberAsync(pmId, CancellationToken.None))!;
            var start = Stopwatch.GetTimestamp();
            var data = await DigestBuilder.DataForAsync(store, workspace, project, pm, today, now, CancellationToken.None);
            Add("period", Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            start = Stopwatch.GetTimestamp();
            await data.PrepareAsync(CancellationToken.None);
            Add("prepare", Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var sections = DigestBuilder.DefaultSections.Select(s => new TimedSection(s, Add)).ToList();
            await DigestBuilder.BuildAsync(data, PmBot.Core.Localization.Localizer.English, TimeZoneInfo.Utc, CancellationToken.None, sections);
        }
        return string.Join(", ", totals.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value:F1}")));
    }

    private sealed class TimedSection(IDigestSection inner, Action<string, double> record) : IDigestSection
    {
        public async Task<DigestPart> BuildAsync(ProjectData data, PmBot.Core.Localization.Localizer t, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            var part = await inner.BuildAsync(data, t, cancellationToken);
            record(inner.GetType().Name.Replace("Section", "", StringComparison.Ordinal).ToLowerInvariant(), Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            return part;
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Counts the commands EF sends (queries and writes) since the last <see cref="Reset"/>.</summary>
    public sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public void Reset() => _count = 0;

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>A fresh migrated database of one provider, and contexts over it that count their commands.</summary>
    private sealed class BenchStore : IAsyncDisposable
    {
        private readonly DbContextOptions _options;
        private readonly NpgsqlDataSource? _dataSource;
        private readonly string? _folder;

        private BenchStore(DbContextOptions options, NpgsqlDataSource? dataSource, string? folder, CommandCounter counter)
        {
            _options = options;
            _dataSource = dataSource;
            _folder = folder;
            Counter = counter;
        }

        public CommandCounter Counter { get; }

        /// <summary>Contexts for the store's reads on connections of their own (as the server's context factory gives them).</summary>
        public IDbContextFactory<PmBotDbContext> Readers => new Factory(this);

        public PmBotDbContext Context() => _dataSource is null
            ? new SqlitePmBotDbContext((DbContextOptions<SqlitePmBotDbContext>)_options)
            : new PostgresPmBotDbContext((DbContextOptions<PostgresPmBotDbContext>)_options);

        public static async Task<BenchStore> CreateAsync(StorageProvider provider, string name)
        {
            var counter = new CommandCounter();
            BenchStore store;
            if (provider == StorageProvider.Postgres)
            {
                var server = await TestPostgres.SharedAsync();
                var dataSource = PostgresConnections.Build(await server.CreateDatabaseAsync("pmbot_digest_" + name));
                store = new BenchStore(new DbContextOptionsBuilder<PostgresPmBotDbContext>().UseNpgsql(dataSource).EnableThreadSafetyChecks(false).AddInterceptors(counter).Options, dataSource, null, counter);
            }
            else
            {
                var folder = Path.Combine(Path.GetTempPath(), "pmbot-digest-" + Guid.NewGuid().ToString("N")[..8]);
                Directory.CreateDirectory(folder);
                var options = new DbContextOptionsBuilder<SqlitePmBotDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "pmbot.db")}").EnableThreadSafetyChecks(false).AddInterceptors(counter).Options;
                store = new BenchStore(options, null, folder, counter);
            }
            await new DatabaseMigrator(new Factory(store), NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
            return store;
        }

        public async ValueTask DisposeAsync()
        {
            if (_dataSource is not null)
            {
                // Dropped, so that runs do not pile up databases for autovacuum to churn through during the next ones.
                var database = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString).Database;
                await _dataSource.DisposeAsync();
                await using var connection = new NpgsqlConnection((await TestPostgres.SharedAsync()).ServerConnectionString);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
            if (_folder is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(_folder, recursive: true);
            }
        }

        private sealed class Factory(BenchStore store) : IDbContextFactory<PmBotDbContext>
        {
            public PmBotDbContext CreateDbContext() => store.Context();
        }
    }
}

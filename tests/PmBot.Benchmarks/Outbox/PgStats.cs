using Npgsql;

namespace PmBot.Benchmarks.Outbox;

/// <summary>
/// Commit and statement counters of one database: <c>pg_stat_database.xact_commit</c> and <c>pg_stat_statements</c>.
/// The benchmark's own queries carry the <see cref="Tag"/> comment and are left out (their commits are subtracted).
/// Backends publish their counters when they exit (or when idle, within about a second to ten seconds), so read
/// <see cref="ReadAsync"/> after the measured processes have closed their connections.
/// </summary>
public static class PgStats
{
    public const string Tag = "/* bench-monitor */";

    /// <summary>
/// Creates pg_stat_statements and zeroes the database's counters, the statements and the (cluster-wide) WAL counters.
/// Costs about <see cref="ResetCommits"/> commits counted later (the resets' own transactions).
/// </summary>
    public static async Task ResetAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        await ExecuteAsync(connection, $"{Tag} SELECT pg_stat_reset()");
        await ExecuteAsync(connection, $"{Tag} SELECT pg_stat_statements_reset()");
        await ExecuteAsync(connection, $"{Tag} SELECT pg_stat_reset_shared('wal')");
    }

    public const int ResetCommits = 3;

    /// <summary>
    /// Commits one <see cref="ScalarAsync"/> adds: its query and the new backend's own start-up transaction
    /// (PostgreSQL counts that one in xact_commit too).
    /// </summary>
    public const int CommitsPerMonitorQuery = 2;

    /// <param name="Commits">pg_stat_database.xact_commit of the database.</param>
    /// <param name="Rollbacks">pg_stat_database.xact_rollback.</param>
    /// <param name="Statements">pg_stat_statements calls in the database, the benchmark's own left out.</param>
    /// <param name="WalSyncs">pg_stat_wal.wal_sync: WAL flushes to disk (durable commits, group commit counted once).</param>
    /// <param name="Top">The statements, most called first.</param>
    public sealed record Snapshot(long Commits, long Rollbacks, long Statements, long WalSyncs, IReadOnlyList<(string Query, long Calls)> Top)
    {
        /// <summary>Calls of the statements whose text starts with <paramref name="prefix"/>.</summary>
        public long Calls(string prefix) => Top.Where(t => t.Query.StartsWith(prefix, StringComparison.Ordinal)).Sum(t => t.Calls);
    }

    public static async Task<Snapshot> ReadAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        long commits, rollbacks;
        await using (var command = new NpgsqlCommand($"{Tag} SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            commits = reader.GetInt64(0);
            rollbacks = reader.GetInt64(1);
        }
        const string Mine = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%bench-monitor%'";
        long statements;
        await using (var command = new NpgsqlCommand($"{Tag} SELECT COALESCE(sum(calls), 0)::bigint FROM pg_stat_statements WHERE {Mine}", connection))
            statements = (long)(await command.ExecuteScalarAsync())!;
        long walSyncs;
        await using (var command = new NpgsqlCommand($"{Tag} SELECT wal_sync FROM pg_stat_wal", connection))
            walSyncs = (long)(await command.ExecuteScalarAsync())!;
        var list = new List<(string, long)>();
        await using (var command = new NpgsqlCommand($"{Tag} SELECT regexp_replace(query, '\\s+', ' ', 'g'), calls FROM pg_stat_statements WHERE {Mine} ORDER BY calls DESC", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                list.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return new Snapshot(commits, rollbacks, statements, walSyncs, list);
    }

    /// <summary>Runs one tagged monitoring scalar query on its own unpooled connection (one commit, left out by the caller).</summary>
    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand($"{Tag} {sql}", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

using System.Diagnostics;
using PmBot.TestSupport;

namespace PmBot.Benchmarks.Outbox;

/// <summary>
/// The outbox on real PostgreSQL (fsync on) against the loopback <see cref="FakeChannel"/>.
/// Scenario 1: producers commit messages through EfPmStore while one dispatcher process drains; throughput,
/// commit-to-send latency, commits and statements per message. Scenario 2: two dispatcher processes drain a backlog,
/// one is killed mid-drain; lost and doubled messages and the time to recover.
/// </summary>
public static class OutboxBenchmark
{
    private sealed record Settings(
        int Messages, int Conversations, int Workspaces, int Producers, string Batch, double Rate,
        int Backlog, double LeaseSeconds, double KillAt, int DispatcherBatch, int Parallel, string Scenario, bool ResetOnClose)
    {
        public static Settings From(BenchArgs a) => new(
            a.Int("messages", 20_000), a.Int("conversations", 500), a.Int("workspaces", 10), a.Int("producers", 16),
            a.String("batch") ?? "1,10", a.Double("rate", 1000), a.Int("backlog", 10_000), a.Double("lease", 5),
            a.Double("kill-at", 0.3), a.Int("dispatcher-batch", 200), a.Int("parallel", 32), a.String("scenario") ?? "all",
            a.String("reset-on-close") == "true");

        /// <summary>Messages per producer transaction, one scenario 1 run each.</summary>
        public int[] Batches() => Batch.Split(',').Select(b => Math.Max(1, int.Parse(b, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
    }

    public static async Task RunAsync(BenchArgs args)
    {
        var s = Settings.From(args);
        var total = Stopwatch.StartNew();
        Console.WriteLine($"PmBot outbox benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {s}");
        await using var pg = await TestPostgres.StartAsync(durable: true, "shared_preload_libraries=pg_stat_statements");
        Console.WriteLine($"PostgreSQL: {(pg.IsPrivate ? "private server from the machine's binaries" : "from " + TestPostgres.EnvironmentVariable)}, fsync on"
            + (s.ResetOnClose ? "; Npgsql DISCARD ALL on pooled reuse (--reset-on-close; PmBot itself does not)" : ""));

        var failures = new List<string>();
        if (s.Scenario is "all" or "throughput")
        {
            foreach (var batch in s.Batches())
                failures.AddRange(await ThroughputAsync(pg, s, batch));
        }
        if (s.Scenario is "all" or "crash")
            failures.AddRange(await CrashAsync(pg, s));

        Console.WriteLine();
        foreach (var failure in failures)
            Console.WriteLine("FAIL " + failure);
        Console.WriteLine(failures.Count == 0 ? "All targets met." : $"{failures.Count} target(s) missed.");
        Console.WriteLine($"Total time {Report.F(total.Elapsed.TotalSeconds, "0.0")} s");
    }

    private static async Task<List<string>> ThroughputAsync(TestPostgres pg, Settings s, int batch)
    {
        const string Prefix = "s1-";
        var n = s.Messages;
        await using var db = await BenchDatabase.CreateAsync(pg, "pmbot_bench_s1", s.ResetOnClose);
        await using var fake = await FakeChannel.StartAsync(Prefix, n);
        await using var worker = WorkerProcess.Start("bench-s1-dispatcher", db.ConnectionString, fake.BaseAddress, s.LeaseSeconds, s.DispatcherBatch, s.Parallel);
        await worker.WaitReadyAsync(TimeSpan.FromSeconds(60));

        // Warm-up (JIT, connection pools, the HTTP connections to the fake): keys the fake counts as unknown.
        const int WarmUp = 200;
        await db.ProduceAsync("warm-", WarmUp, batch, s.Producers, 0, s.Conversations, s.Workspaces);
        var warm = Stopwatch.StartNew();
        while (fake.Unknown < WarmUp && warm.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(10);
        db.DataSource.Clear();
        await Task.Delay(2500); // the worker's backends publish the warm-up's counters (they do so at most once a second)
        await PgStats.ResetAsync(db.ConnectionString);
        var monitorCommits = 0;

        var produce = Stopwatch.StartNew();
        var committed = await db.ProduceAsync(Prefix, n, batch, s.Producers, s.Rate, s.Conversations, s.Workspaces);
        var produceSeconds = produce.Elapsed.TotalSeconds;

        var deadline = Stopwatch.StartNew();
        while (fake.Distinct < n && deadline.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(10);
        // The last batch's completion commits after its sends: wait for it so it is counted.
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            monitorCommits += PgStats.CommitsPerMonitorQuery;
            if (await PgStats.ScalarAsync(db.ConnectionString, "SELECT count(*) FROM \"OutboxMessages\" WHERE \"State\" = 0") == 0)
                break;
            await Task.Delay(50);
        }
        await worker.StopAsync(TimeSpan.FromSeconds(15));
        db.DataSource.Clear();
        await Task.Delay(500); // exiting backends publish their counters
        var stats = await PgStats.ReadAsync(db.ConnectionString);

        var delivered = fake.Distinct;
        var latencies = new List<double>(n);
        long firstCommit = long.MaxValue, lastReceive = 0;
        for (var i = 0; i < n; i++)
        {
            firstCommit = Math.Min(firstCommit, committed[i]);
            var received = fake.FirstReceived(i);
            if (received == 0)
                continue;
            lastReceive = Math.Max(lastReceive, received);
            latencies.Add(Stopwatch.GetElapsedTime(committed[i], received).TotalMilliseconds);
        }
        latencies.Sort();
        var seconds = Stopwatch.GetElapsedTime(firstCommit, lastReceive).TotalSeconds;
        var rate = delivered / seconds;
        var producerCommits = (n + batch - 1) / batch;
        var commits = stats.Commits - PgStats.ResetCommits - monitorCommits;
        var perMessage = (double)commits / Math.Max(1, delivered);
        var discards = stats.Calls("DISCARD ALL");
        var dispatcherStatements = stats.Calls("UPDATE \"OutboxMessages\"") + stats.Calls("SELECT min(GREATEST(");

        var report = new Report($"Scenario 1: throughput and commit-to-send latency (1 dispatcher process, {n} messages, {(batch == 1 ? "written singly" : $"written in batches of {batch}")})");
        report.Info("write path", batch == 1
            ? $"EfPmStore, singly (1 message/commit), {s.Producers} producers"
            : $"EfPmStore, batches of {batch}, {s.Producers} producers");
        report.Info("offered rate", s.Rate > 0 ? $"{Report.F(s.Rate)} msg/s" : "unpaced (as fast as producers go)");
        report.Info("producers' own rate", $"{Report.F(n / produceSeconds, "0")} msg/s");
        report.Info("conversations / workspaces", $"{s.Conversations} / {s.Workspaces}");
        report.Info("delivered / doubled", $"{delivered} / {fake.Duplicates}");
        report.Check("messages/s (first commit -> last receive)", rate, "0", "msg/s", ">= 500", rate >= 500);
        report.Check("commit-to-send p50", Report.Percentile(latencies, 0.50), "0.0", "ms", "< 20 ms", Report.Percentile(latencies, 0.50) < 20);
        report.Info("commit-to-send p95", $"{Report.F(Report.Percentile(latencies, 0.95), "0.0")} ms");
        report.Check("commit-to-send p99", Report.Percentile(latencies, 0.99), "0.0", "ms", "< 250 ms", Report.Percentile(latencies, 0.99) < 250);
        report.Info("commit-to-send max", $"{Report.F(latencies.Count > 0 ? latencies[^1] : double.NaN, "0.0")} ms");
        report.Check("commits per delivered message", perMessage, "0.000", "", "<= 3", perMessage <= 3);
        report.Info("  producers' transactions", PerMessage(producerCommits, delivered));
        report.Info("  Npgsql pool resets (DISCARD ALL, own transaction)", PerMessage(discards, delivered));
        report.Info("  dispatcher claims, completions, next-due", PerMessage(dispatcherStatements, delivered));
        report.Info("  rest: LISTEN backend reading NOTIFYs, start-ups", PerMessage(commits - producerCommits - discards - dispatcherStatements, delivered));
        report.Info("WAL flushes (pg_stat_wal.wal_sync) per message", PerMessage(stats.WalSyncs, delivered));
        report.Info("statements per delivered message", Report.F((double)stats.Statements / Math.Max(1, delivered), "0.000"));
        report.Info("rollbacks", stats.Rollbacks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        report.Check("lost", n - delivered, "0", "", "0", delivered == n);
        report.Check("doubled", fake.Duplicates, "0", "", "0", fake.Duplicates == 0);
        report.Print();
        PrintStatements(stats, delivered);
        return report.Failures;
    }

    private static async Task<List<string>> CrashAsync(TestPostgres pg, Settings s)
    {
        const string Prefix = "s2-";
        var n = s.Backlog;
        await using var db = await BenchDatabase.CreateAsync(pg, "pmbot_bench_s2", s.ResetOnClose);
        await using var fake = await FakeChannel.StartAsync(Prefix, n);
        var fill = Stopwatch.StartNew();
        await db.ProduceAsync(Prefix, n, batch: 100, producers: 8, rate: 0, s.Conversations, s.Workspaces);
        var fillSeconds = fill.Elapsed.TotalSeconds;
        db.DataSource.Clear();
        await PgStats.ResetAsync(db.ConnectionString);
        var monitorCommits = 0;

        await using var victim = WorkerProcess.Start("bench-s2-victim", db.ConnectionString, fake.BaseAddress, s.LeaseSeconds, s.DispatcherBatch, s.Parallel);
        await using var survivor = WorkerProcess.Start("bench-s2-survivor", db.ConnectionString, fake.BaseAddress, s.LeaseSeconds, s.DispatcherBatch, s.Parallel);
        await Task.WhenAll(victim.WaitReadyAsync(TimeSpan.FromSeconds(60)), survivor.WaitReadyAsync(TimeSpan.FromSeconds(60)));
        var drainStart = Stopwatch.GetTimestamp();

        // Kill the victim in the middle of its sends: from inside the fake, right after recording one of its messages once
        // the given share is delivered, before answering it. Its batch then has rows delivered but not written back
        // (the case that could double) and rows not sent (the case that could be lost).
        var killAt = (int)(n * s.KillAt);
        var killed = 0L;
        var deliveredAtKill = 0;
        fake.Received = dispatcher =>
        {
            if (dispatcher == victim.Owner && fake.Distinct >= killAt && Interlocked.CompareExchange(ref killed, -1, 0) == 0)
            {
                victim.Kill();
                deliveredAtKill = fake.Distinct;
                Interlocked.Exchange(ref killed, Stopwatch.GetTimestamp());
            }
        };
        var clock = Stopwatch.StartNew();
        while (Interlocked.Read(ref killed) <= 0 && clock.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(2);
        if (Interlocked.Read(ref killed) <= 0)
            throw new InvalidOperationException("The victim dispatcher sent nothing after the kill point: nothing to measure.");
        monitorCommits += PgStats.CommitsPerMonitorQuery;
        var heldByVictim = await PgStats.ScalarAsync(db.ConnectionString,
            $"SELECT count(*) FROM \"OutboxMessages\" WHERE \"State\" = 0 AND \"LeaseOwner\" = '{victim.Owner}'");

        var timeout = TimeSpan.FromSeconds(s.LeaseSeconds + 60);
        clock.Restart();
        while (fake.Distinct < n && clock.Elapsed < timeout)
            await Task.Delay(10);
        while (clock.Elapsed < timeout + TimeSpan.FromSeconds(15))
        {
            monitorCommits += PgStats.CommitsPerMonitorQuery;
            if (await PgStats.ScalarAsync(db.ConnectionString, "SELECT count(*) FROM \"OutboxMessages\" WHERE \"State\" = 0") == 0)
                break;
            await Task.Delay(50);
        }
        monitorCommits += PgStats.CommitsPerMonitorQuery;
        var sentRows = await PgStats.ScalarAsync(db.ConnectionString, "SELECT count(*) FROM \"OutboxMessages\" WHERE \"State\" = 1");
        await survivor.StopAsync(TimeSpan.FromSeconds(15));
        db.DataSource.Clear();
        await Task.Delay(500);
        var stats = await PgStats.ReadAsync(db.ConnectionString);

        var delivered = fake.Distinct;
        var lost = n - delivered;
        var doubled = Enumerable.Range(0, n).Count(i => fake.Count(i) > 1);
        long lastReceive = 0;
        for (var i = 0; i < n; i++)
            lastReceive = Math.Max(lastReceive, fake.FirstReceived(i));
        var recovery = Stopwatch.GetElapsedTime(killed, lastReceive).TotalSeconds;
        var drain = Stopwatch.GetElapsedTime(drainStart, lastReceive).TotalSeconds;
        var commits = stats.Commits - PgStats.ResetCommits - monitorCommits;

        var report = new Report($"Scenario 2: two dispatcher processes, one killed mid-drain (backlog {n}, lease {Report.F(s.LeaseSeconds)} s)");
        report.Info("backlog written", $"batches of 100 in {Report.F(fillSeconds, "0.0")} s");
        report.Info("killed after", $"{deliveredAtKill} delivered ({Report.F(Stopwatch.GetElapsedTime(drainStart, killed).TotalSeconds, "0.00")} s into the drain)");
        report.Info("rows leased to the killed process at its death", heldByVictim.ToString(System.Globalization.CultureInfo.InvariantCulture));
        report.Info("re-claimed rows found delivered by lookup", fake.LookupsDelivered.ToString(System.Globalization.CultureInfo.InvariantCulture));
        report.Info("re-claimed rows not yet delivered", fake.LookupsMissing.ToString(System.Globalization.CultureInfo.InvariantCulture));
        report.Info("delivered (distinct) / rows Sent in DB", $"{delivered} / {sentRows}");
        report.Check("lost (never received)", lost, "0", "", "0", lost == 0);
        report.Check("doubled (received more than once)", doubled, "0", "", "0", doubled == 0);
        report.Info("extra receives in total", fake.Duplicates.ToString(System.Globalization.CultureInfo.InvariantCulture));
        report.Info("time to full recovery (kill -> last first receive)", lost == 0 ? $"{Report.F(recovery, "0.00")} s" : "not recovered");
        report.Info("whole drain", $"{Report.F(drain, "0.00")} s ({Report.F(delivered / drain, "0")} msg/s incl. the lease wait)");
        report.Info("dispatchers' commits per message", Report.F((double)commits / Math.Max(1, delivered), "0.000"));
        report.Info("dispatchers' statements per message", Report.F((double)stats.Statements / Math.Max(1, delivered), "0.000"));
        report.Info("WAL flushes per message", Report.F((double)stats.WalSyncs / Math.Max(1, delivered), "0.000"));
        report.Print();
        return report.Failures;
    }

    private static void PrintStatements(PgStats.Snapshot stats, int delivered)
    {
        Console.WriteLine();
        Console.WriteLine($"Top statements (pg_stat_statements, {stats.Statements} calls in all):");
        foreach (var (query, calls) in stats.Top.Take(12))
            Console.WriteLine($"  {calls,8} ({Report.F((double)calls / Math.Max(1, delivered), "0.000")}/msg)  {(query.Length > 110 ? query[..110] + "…" : query)}");
    }

    private static string PerMessage(long count, int delivered) =>
        $"{Report.F((double)count / Math.Max(1, delivered), "0.000")} ({count})";
}

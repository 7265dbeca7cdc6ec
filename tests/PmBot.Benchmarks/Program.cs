using PmBot.Benchmarks;
using PmBot.Benchmarks.Outbox;

// PmBot benchmarks: the first argument names the benchmark; the rest are its options. See README.md.
var name = args.Length > 0 ? args[0] : "help";
var options = BenchArgs.Parse(args.Skip(1));
switch (name)
{
    case "outbox":
        await OutboxBenchmark.RunAsync(options);
        return 0;
    case OutboxWorker.Mode:
        return await OutboxWorker.RunAsync(options);
    case "slack":
        await PmBot.Benchmarks.Slack.SlackLoadBenchmark.RunAsync(options);
        return 0;
    case "teams":
        await PmBot.Benchmarks.Teams.TeamsLoadBenchmark.RunAsync(options);
        return 0;
    case "checkins-fanout":
        await PmBot.Benchmarks.Checkins.CheckinFanoutBenchmark.RunAsync(options);
        return 0;
    case "checkins-punctuality":
        await PmBot.Benchmarks.Checkins.CheckinPunctualityBenchmark.RunAsync(options);
        return 0;
    case "planning":
        return await PmBot.Benchmarks.Planning.PlanningBenchmark.RunAsync(options.Int("iterations", 50));
    case "digest":
        return await PmBot.Benchmarks.Digest.DigestBenchmark.RunAsync(options);
    default:
        Console.WriteLine("""
            PmBot benchmarks. Usage: dotnet run -c Release --project tests/PmBot.Benchmarks -- <benchmark> [options]

              outbox   The outbox on PostgreSQL against a loopback fake channel: throughput, commit-to-send latency,
                       commits and statements per message, and a dispatcher process killed mid-drain.
                       Options: --messages 20000 --conversations 500 --workspaces 10 --producers 16 --batch 1
                                --rate 1000 (offered messages/s, 0 = as fast as producers go) --backlog 10000
                                --lease 5 (seconds) --kill-at 0.3 --scenario all|throughput|crash
              slack    Signed slash commands against the real server (Release) on PostgreSQL: commands/s, ack p50/p99.
                       Options: --requests 3000 --concurrency 16 --users 50
              teams    JWT-validated Bot Framework activities against the real server (Release) on PostgreSQL.
                       Options: --requests 3000 --concurrency 16 --users 50
              checkins-fanout       Check-in prompts to many members through a fake Slack API with per-channel and
                       workspace limits (429 + Retry-After): total vs the minimum, lost, doubled, 429 share.
                       Options: --members 5000 --workspace-rate 100 --workspace-burst 20
              checkins-punctuality  Prompts and reminders for members in several time zones in real time: send - due.
                       Options: --zones 4 --members 10 (per zone)
              planning The CPM scheduler and earned value on random plans of 1,000 and 10,000 activities.
                       Option: the iteration count (default 50).
              digest   One PM's daily digest of a small and a large project (10,000 tasks, 300 members, 90 days of
                       check-ins) on SQLite and PostgreSQL: time per digest and database queries (must not grow).
                       Options: --iterations 30 --store sqlite|postgres|both
            """);
        return name == "help" ? 0 : 2;
}

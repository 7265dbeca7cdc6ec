using System.Diagnostics;
using PmBot.Benchmarks.Outbox;
using PmBot.TestSupport.Slack;

namespace PmBot.Benchmarks.Checkins;

/// <summary>
/// Check-in prompts to many members at once through the fake Slack API, which enforces about one message a second per
/// channel and a workspace-wide rate and answers 429 with Retry-After beyond them: the total time against the minimum
/// those limits allow, lost and doubled prompts, and the share of 429 answers.
/// </summary>
public static class CheckinFanoutBenchmark
{
    public static async Task RunAsync(BenchArgs args)
    {
        var members = args.Int("members", 5000);
        var rate = args.Int("workspace-rate", 100);
        var burst = args.Int("workspace-burst", 20);

        // PmBot is configured a little under the platform's rate, as it should be: the two clocks never agree exactly.
        await using var bench = await CheckinBench.StartAsync("pmbot_bench_fanout", rate * 0.97, burst / 2);
        bench.Slack.PostLimits = new FakeRateLimits(1, 1, rate, burst);
        // Everyone in UTC, asked a minute ago with a day-long window: exactly one prompt each is due now.
        var time = TimeOnly.FromDateTime(TimeProvider.System.GetUtcNow().AddMinutes(-1).UtcDateTime);
        var schedule = (await bench.SeedAsync([new CheckinBench.SchedulePlan("UTC", new TimeOnly(time.Hour, time.Minute), members, 24 * 60, 0)]))[0];

        var clock = Stopwatch.StartNew();
        var planned = await bench.PlanAsync(schedule);
        var planning = clock.Elapsed;
        var again = await bench.PlanAsync(schedule);
        // The fan-out is timed from here: the prompts are in the outbox, due now.
        clock.Restart();
        bench.StartDispatcher();
        while (bench.Delivered().Count(d => d.Key.EndsWith(":prompt", StringComparison.Ordinal)) < planned.Prompts && clock.Elapsed < TimeSpan.FromMinutes(30))
            await Task.Delay(100);
        var total = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3));

        var delivered = bench.Delivered();
        var due = (await bench.DueAsync()).Keys.Where(k => k.EndsWith(":prompt", StringComparison.Ordinal)).ToList();
        var lost = due.Count(k => !delivered.ContainsKey(k));
        var doubled = delivered.Values.Sum(v => Math.Max(0, v.Count - 1));
        var calls = bench.Slack.RequestsFor("chat.postMessage");
        var limited = calls.Count(c => c.RateLimited);
        // The limits allow the burst at once, then one message per 1/rate seconds (each member's DM is its own channel).
        var minimum = TimeSpan.FromSeconds(Math.Max(0, members - burst) / (double)rate);

        var report = new Report($"Check-in fan-out: {members} members, fake Slack at {rate} msg/s per workspace (burst {burst}) and 1 msg/s per channel, PostgreSQL (fsync on)");
        report.Info("prompts planned (second run)", $"{planned.Prompts} ({again.Prompts})");
        report.Info("planning run", Report.F(planning.TotalMilliseconds, "0") + " ms");
        report.Info("total (dispatcher start to last prompt received)", Report.F(total.TotalSeconds, "0.0") + " s");
        report.Info("minimum the limits allow", Report.F(minimum.TotalSeconds, "0.0") + " s");
        report.Check("total / minimum", total.TotalSeconds / minimum.TotalSeconds, "0.000", "", "<= 1.1", total.TotalSeconds <= 1.1 * minimum.TotalSeconds);
        report.Check("lost prompts", lost, "0", "", "0", lost == 0);
        report.Check("doubled prompts", doubled, "0", "", "0", doubled == 0);
        report.Check("429 share of chat.postMessage calls", 100.0 * limited / Math.Max(1, calls.Count), "0.00", "%", "< 1 %", limited < 0.01 * calls.Count);
        report.Info("chat.postMessage calls (429)", $"{calls.Count} ({limited})");
        report.Print();
        foreach (var failure in report.Failures)
            Console.WriteLine("FAIL " + failure);
    }
}

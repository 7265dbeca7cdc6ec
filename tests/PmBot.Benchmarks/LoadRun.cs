using System.Diagnostics;
using PmBot.Benchmarks.Outbox;

namespace PmBot.Benchmarks;

/// <summary>A closed-loop load run: <c>concurrency</c> workers send <c>requests</c> requests and time each one.</summary>
public sealed record LoadRun(List<double> SortedLatenciesMs, int Failures, TimeSpan Elapsed)
{
    /// <param name="requests">How many requests in all.</param>
    /// <param name="concurrency">Workers sending at once.</param>
    /// <param name="send">Sends request number i; true when it succeeded.</param>
    public static async Task<LoadRun> RunAsync(int requests, int concurrency, Func<int, Task<bool>> send)
    {
        var latencies = new double[requests];
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await send(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!ok)
                    Interlocked.Increment(ref failures);
            }
        }));
        return new LoadRun(latencies.Order().ToList(), failures, clock.Elapsed);
    }

    /// <summary>Requests a second, latency percentiles against their limits, and failures.</summary>
    public void AddTo(Report report, string unit, string latency, double limitMs, string limitText)
    {
        report.Info($"{unit} per second", Report.F(SortedLatenciesMs.Count / Elapsed.TotalSeconds, "0"));
        report.Check($"{latency} p50", Report.Percentile(SortedLatenciesMs, 0.50), "0.0", "ms", $"< {limitText}", Report.Percentile(SortedLatenciesMs, 0.50) < limitMs);
        report.Info($"{latency} p95", $"{Report.F(Report.Percentile(SortedLatenciesMs, 0.95), "0.0")} ms");
        report.Check($"{latency} p99", Report.Percentile(SortedLatenciesMs, 0.99), "0.0", "ms", $"< {limitText}", Report.Percentile(SortedLatenciesMs, 0.99) < limitMs);
        report.Info($"{latency} max", $"{Report.F(SortedLatenciesMs[^1], "0.0")} ms");
        report.Check("failed requests", Failures, "0", "", "0", Failures == 0);
    }
}

using PmBot.Benchmarks.Outbox;

namespace PmBot.Benchmarks.Checkins;

/// <summary>
/// A short real-time run: members in several time zones (whole, half and quarter-hour offsets), each zone's stand-up at
/// the next minutes of its local time, a one-minute window with the reminder at half of it. Every prompt and reminder
/// is planned ahead as an outbox row due at its moment; measured is send time (received by the fake Slack API) minus due time.
/// </summary>
public static class CheckinPunctualityBenchmark
{
    private static readonly string[] Zones = ["Asia/Shanghai", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Europe/London", "Australia/Adelaide"];

    public static async Task RunAsync(BenchArgs args)
    {
        var zones = Math.Clamp(args.Int("zones", 4), 1, Zones.Length);
        var perZone = args.Int("members", 10);

        await using var bench = await CheckinBench.StartAsync("pmbot_bench_punctuality", 100, 50);
        // The first whole minute at least 20 s away; zone i is asked i minutes later, at that moment's local time there.
        var now = TimeProvider.System.GetUtcNow();
        var first = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(now.Second >= 40 ? 2 : 1);
        var plans = Zones.Take(zones).Select((zone, i) =>
        {
            var local = TimeZoneInfo.ConvertTime(first.AddMinutes(i), TimeZoneInfo.FindSystemTimeZoneById(zone));
            return new CheckinBench.SchedulePlan(zone, new TimeOnly(local.Hour, local.Minute), perZone, 1, 50);
        }).ToList();
        var schedules = await bench.SeedAsync(plans);
        foreach (var schedule in schedules)
            await bench.PlanAsync(schedule);
        var due = (await bench.DueAsync()).Where(d => d.Value > TimeProvider.System.GetUtcNow()).ToDictionary(d => d.Key, d => d.Value);
        bench.StartDispatcher();
        var end = due.Values.Max() + TimeSpan.FromSeconds(5);
        Console.WriteLine($"Waiting for {due.Count} prompts and reminders due from {due.Values.Min():HH:mm:ss} to {due.Values.Max():HH:mm:ss} UTC…");
        while (TimeProvider.System.GetUtcNow() < end)
            await Task.Delay(500);

        var delivered = bench.Delivered();
        var lateness = due.Where(d => delivered.ContainsKey(d.Key)).Select(d => (delivered[d.Key].Min() - d.Value).TotalMilliseconds).Order().ToList();
        var early = lateness.Count(l => l < 0);
        var missing = due.Count - lateness.Count;
        var report = new Report($"Check-in punctuality: {zones} zones x {perZone} members, prompts and reminders (1-minute window, reminder at 50 %), real time, PostgreSQL");
        report.Info("messages due / received", $"{due.Count} / {lateness.Count}");
        report.Info("send - due p50", Report.F(Report.Percentile(lateness, 0.5), "0") + " ms");
        report.Info("send - due p99", Report.F(Report.Percentile(lateness, 0.99), "0") + " ms");
        report.Check("send - due max", lateness.Count == 0 ? double.NaN : lateness[^1], "0", "ms", "<= 1000 ms", lateness.Count > 0 && lateness[^1] <= 1000);
        report.Check("sent before due", early, "0", "", "0", early == 0);
        report.Check("not sent", missing, "0", "", "0", missing == 0);
        report.Print();
        foreach (var failure in report.Failures)
            Console.WriteLine("FAIL " + failure);
    }
}

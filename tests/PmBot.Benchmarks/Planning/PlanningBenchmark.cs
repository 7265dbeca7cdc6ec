using System.Diagnostics;
using System.Globalization;
using PmBot.Core.Planning;

namespace PmBot.Benchmarks.Planning;

/// <summary>
/// Times <see cref="CpmScheduler.Schedule"/> and <see cref="EarnedValue.Compute"/> on random plans (DAGs with about three
/// links per activity), and earned value of a stored project of that size (<see cref="EvmBenchmark"/>: WBS, schedule,
/// entries and progress history, as <c>plan status</c> computes it, and its weekly S-curve series). Arguments:
/// [--iterations N] (default 50). Prints mean, p50 and p99 in ms and bytes allocated per call.
/// </summary>
public static class PlanningBenchmark
{
    public static Task<int> RunAsync(int iterations)
    {
        iterations = Math.Max(1, iterations);
        Console.WriteLine($"Planning benchmark: {iterations} iterations after warm-up");
        Console.WriteLine($"{"case",-32} {"mean ms",9} {"p50 ms",9} {"p99 ms",9} {"alloc KB",10}");
        foreach (var size in new[] { 1_000, 10_000 })
        {
            var plan = RandomPlan(size, seed: size);
            var ev = RandomProgress(plan, seed: size);
            var scheduled = CpmScheduler.Schedule(plan);
            if (!scheduled.Succeeded)
            {
                Console.Error.WriteLine(scheduled.Error!.Message);
                return Task.FromResult(1);
            }
            Report($"Schedule {size:N0} / {plan.Dependencies.Count:N0} links", iterations, () => CpmScheduler.Schedule(plan));
            Report($"EarnedValue {size:N0} items", iterations, () => EarnedValue.Compute(ev));
            var (load, status) = EvmBenchmark.StoredProject(plan, seed: size);
            Report($"EvmData.At {size:N0} tasks", iterations, () => load().At(status));
            Report($"EvmData.WeeklySeries {size:N0}", Math.Max(5, iterations / 10), () => load().WeeklySeries(status, planThroughFinish: true));
        }
        return Task.FromResult(0);
    }

    private static void Report(string name, int iterations, Func<object> run)
    {
        for (var i = 0; i < Math.Max(5, iterations / 10); i++)
            run();
        var times = new double[iterations];
        long bytes = 0;
        for (var i = 0; i < iterations; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            bytes += GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-32} {times.Average(),9:F3} {Percentile(times, 0.50),9:F3} {Percentile(times, 0.99),9:F3} {bytes / iterations / 1024.0,10:F1}"));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Activities T0..Tn-1 with 0-10 working days; each gets about three predecessors among the earlier ones.</summary>
    public static ScheduleInput RandomPlan(int size, int seed)
    {
        var random = new Random(seed);
        var activities = new List<PlannedActivity>(size);
        var links = new List<Dependency>(size * 3);
        for (var i = 0; i < size; i++)
        {
            activities.Add(new PlannedActivity($"T{i}", random.Next(0, 11)));
            if (i == 0)
                continue;
            for (var k = 0; k < 3; k++)
            {
                var pred = Math.Max(0, i - 1 - random.Next(0, Math.Min(i, 50)));
                var type = random.Next(10) switch { < 7 => DependencyType.FinishToStart, < 8 => DependencyType.StartToStart, < 9 => DependencyType.FinishToFinish, _ => DependencyType.StartToFinish };
                links.Add(new Dependency($"T{pred}", $"T{i}", type, random.Next(-2, 3)));
            }
        }
        return new ScheduleInput(new DateOnly(2025, 1, 6), activities, links)
        {
            Calendar = new WorkCalendar(holidays: [new(2025, 12, 25), new(2025, 12, 26), new(2026, 1, 1)]),
        };
    }

    /// <summary>One work item per scheduled activity, baseline = early dates, WBS codes three levels deep.</summary>
    public static EvInput RandomProgress(ScheduleInput plan, int seed)
    {
        var random = new Random(seed);
        var schedule = CpmScheduler.Schedule(plan);
        var status = schedule.Days!.DateOf(schedule.DurationDays / 2);
        var items = new List<EvWorkItem>(schedule.Activities.Count);
        for (var i = 0; i < schedule.Activities.Count; i++)
        {
            var a = schedule.Activities[i];
            var code = $"{i / 1000 + 1}.{i / 50 % 20 + 1}.{i % 50 + 1}";
            var budget = random.Next(1, 100) * 100m;
            var done = a.EarlyFinish <= status ? 100 : a.EarlyStart <= status ? random.Next(0, 100) : 0;
            items.Add(new EvWorkItem(a.Id, code, a.EarlyStart, a.EarlyFinish, budget)
            {
                PercentComplete = done,
                ActualCost = budget * done / 100 * (0.8m + random.Next(0, 50) / 100m),
            });
        }
        return new EvInput(status, items) { Calendar = plan.Calendar };
    }
}

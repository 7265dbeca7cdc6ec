using System.Globalization;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace PmBot.Server.Tests.Infrastructure;

/// <summary>
/// Moves a <see cref="TestClock"/> forward and, on the way, runs every recurring job registered in Hangfire's storage
/// at each minute its cron names, in time order, with the clock set to that minute: what a Hangfire server would do in
/// that time, without waiting for it. PmBot's jobs are hourly or every few minutes, so only the minute field may be
/// more than <c>*</c> (a number, <c>*/N</c> or a list); any other cron fails the test rather than being misread.
/// </summary>
public static class RecurringJobClock
{
    /// <summary>Moves the clock to <paramref name="to"/>, running the jobs due on the way; the first move only sets the clock (the story starts there).</summary>
    public static async Task AdvanceAsync(PmBotApp app, TestClock clock, DateTimeOffset to)
    {
        if (!clock.IsSet)
        {
            clock.Set(to);
            return;
        }
        List<RecurringJobDto> jobs;
        using (var connection = app.Get<JobStorage>().GetConnection())
            jobs = connection.GetRecurringJobs();
        var minutes = jobs.Select(j => (Job: j, Minutes: Minutes(j.Cron), Zone: TimeZoneInfo.FindSystemTimeZoneById(j.TimeZoneId ?? "UTC"))).ToList();
        var from = clock.GetUtcNow();
        var minute = new DateTimeOffset(from.Year, from.Month, from.Day, from.Hour, from.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        for (; minute <= to; minute = minute.AddMinutes(1))
        {
            foreach (var (job, set, zone) in minutes.OrderBy(j => j.Job.Id, StringComparer.Ordinal))
            {
                if (!set.Contains(TimeZoneInfo.ConvertTime(minute, zone).Minute))
                    continue;
                clock.Set(minute);
                await RunAsync(app, job);
            }
        }
        clock.Set(to);
    }

    private static async Task RunAsync(PmBotApp app, RecurringJobDto job)
    {
        var definition = job.Job ?? throw new InvalidOperationException($"Recurring job {job.Id} cannot be loaded: {job.LoadException}");
        using var scope = app.Services.CreateScope();
        var instance = ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, definition.Type);
        var args = definition.Method.GetParameters()
            .Select((p, i) => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : definition.Args[i])
            .ToArray();
        if (definition.Method.Invoke(instance, args) is Task task)
            await task;
    }

    /// <summary>The minutes of the hour a cron of the form "M * * * *" runs at.</summary>
    private static HashSet<int> Minutes(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5 || fields[1..].Any(f => f != "*"))
            throw new NotSupportedException($"Only minute crons (\"M * * * *\") are simulated, not \"{cron}\".");
        var minute = fields[0];
        if (minute == "*")
            return [.. Enumerable.Range(0, 60)];
        if (minute.StartsWith("*/", StringComparison.Ordinal))
        {
            var step = int.Parse(minute[2..], CultureInfo.InvariantCulture);
            return [.. Enumerable.Range(0, 60).Where(m => m % step == 0)];
        }
        return [.. minute.Split(',').Select(m => int.Parse(m, CultureInfo.InvariantCulture))];
    }
}

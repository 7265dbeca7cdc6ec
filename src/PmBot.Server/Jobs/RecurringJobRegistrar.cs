using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;

namespace PmBot.Server.Jobs;

/// <summary>A recurring job as the domain wants it: deterministic id, cron, and its own time zone.</summary>
public sealed record RecurringJobDefinition(string Id, Job Job, string Cron, TimeZoneInfo TimeZone);

/// <summary>Something that owns a family of recurring jobs (ids starting with <see cref="IdPrefix"/>), read from the domain store.</summary>
public interface IRecurringJobSource
{
    string IdPrefix { get; }
    Task<IReadOnlyList<RecurringJobDefinition>> GetJobsAsync(CancellationToken cancellationToken);
}

/// <summary>The housekeeping job: hourly, UTC.</summary>
public sealed class HousekeepingJobSource : IRecurringJobSource
{
    public string IdPrefix => HousekeepingJob.JobId;

    public Task<IReadOnlyList<RecurringJobDefinition>> GetJobsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecurringJobDefinition>>(
        [
            new(HousekeepingJob.JobId, Job.FromExpression<HousekeepingJob>(j => j.RunAsync(CancellationToken.None)), "17 * * * *", TimeZoneInfo.Utc),
        ]);
}

/// <summary>
/// Re-creates the recurring jobs from the domain store at start-up (the in-memory default loses them on restart)
/// and removes ones whose source no longer lists them. Safe to run in every instance: AddOrUpdate is idempotent.
/// </summary>
public sealed partial class RecurringJobRegistrar(IEnumerable<IRecurringJobSource> sources, IRecurringJobManager jobs, JobStorage storage, ILogger<RecurringJobRegistrar> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await SyncAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        List<RecurringJobDto> existing;
        using (var connection = storage.GetConnection())
            existing = connection.GetRecurringJobs();
        foreach (var source in sources)
        {
            var wanted = await source.GetJobsAsync(cancellationToken);
            foreach (var job in wanted)
                jobs.AddOrUpdate(job.Id, job.Job, job.Cron, new RecurringJobOptions { TimeZone = job.TimeZone });
            var ids = wanted.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in existing.Where(e => e.Id.StartsWith(source.IdPrefix, StringComparison.Ordinal) && !ids.Contains(e.Id)))
                jobs.RemoveIfExists(stale.Id);
            LogSynced(log, source.IdPrefix, wanted.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring jobs '{Prefix}': {Count} registered")]
    private static partial void LogSynced(ILogger logger, string prefix, int count);
}

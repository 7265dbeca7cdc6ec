using Hangfire.Common;
using PmBot.Core.Features.Digest;
using PmBot.Core.Ports;

namespace PmBot.Server.Jobs;

/// <summary>
/// Every five minutes (UTC): queues each PM's daily digest whose local time comes within
/// <see cref="DigestDelivery.Lead"/>, in the outbox with that due time, so it leaves at the PM's own digest time. One
/// unit of work per digest: a digest another instance queued meanwhile fails on its idempotency key and is skipped, and
/// one failing digest does not hold back the others. Running twice sends nothing twice.
/// </summary>
public sealed partial class DigestJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<DigestJob> log)
{
    public const string JobId = "digest";
    public const string Cron = "*/5 * * * *";

    public async Task<DigestRunReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<DueDigest> due;
        using (var scope = scopes.CreateScope())
            due = await DigestDelivery.DueAsync(scope.ServiceProvider.GetRequiredService<IPmStore>(), now, cancellationToken);
        int queued = 0, skipped = 0, failed = 0;
        foreach (var digest in due)
        {
            using var scope = scopes.CreateScope();
            var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
            try
            {
                if (await DigestDelivery.TryEnqueueAsync(store, digest, now, cancellationToken,
                        scope.ServiceProvider.GetService<IChartRenderer>(), scope.ServiceProvider.GetService<IFilePublisher>()))
                {
                    await store.SaveChangesAsync(cancellationToken);
                    queued++;
                }
                else
                {
                    skipped++;
                }
            }
            catch (DuplicateKeyException)
            {
                skipped++;
            }
            catch (WriteConflictException)
            {
                // Raced another instance's run; nothing was committed, and the next run (five minutes on) queues it.
                skipped++;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // One PM's digest failing (logged) must not stop the others'.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed++;
                LogFailed(log, ex, digest.ProjectId, digest.PmId, digest.LocalDate);
            }
        }
        if (queued + failed > 0)
            LogRun(log, due.Count, queued, skipped, failed);
        return new DigestRunReport(due.Count, queued, skipped, failed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digests: {Due} due, {Queued} queued, {Skipped} skipped, {Failed} failed")]
    private static partial void LogRun(ILogger logger, int due, int queued, int skipped, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest of project {ProjectId} for PM {PmId} on {Date} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid projectId, Guid pmId, DateOnly date);
}

public sealed record DigestRunReport(int Due, int Queued, int Skipped, int Failed);

/// <summary>The digest planner: one recurring job, every five minutes, UTC (each PM's own time is applied inside).</summary>
public sealed class DigestJobSource : IRecurringJobSource
{
    public string IdPrefix => DigestJob.JobId;

    public Task<IReadOnlyList<RecurringJobDefinition>> GetJobsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecurringJobDefinition>>(
        [
            new(DigestJob.JobId, Job.FromExpression<DigestJob>(j => j.RunAsync(CancellationToken.None)), DigestJob.Cron, TimeZoneInfo.Utc),
        ]);
}

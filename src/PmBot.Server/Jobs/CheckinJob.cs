using Hangfire;
using Hangfire.Common;
using PmBot.Core.Domain;
using PmBot.Core.Features.Checkins;
using PmBot.Core.Ports;

namespace PmBot.Server.Jobs;

/// <summary>
/// The recurring job of one check-in schedule (<c>checkin:{id}</c>): a thin shell around <see cref="CheckinPlanning"/>,
/// committing its occurrences and outbox rows in one transaction. Re-entrant: when another run (this job run twice, or
/// another instance) planned the same occurrences first, the unique keys reject the commit (or the database breaks the
/// deadlock of two concurrent commits) and it plans again on fresh state, which then finds them planned.
/// </summary>
public sealed partial class CheckinJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<CheckinJob> log)
{
    private const int MaxAttempts = 5;

    /// <summary>Hourly, at a quarter before the schedule's minute: with the two-hour horizon every prompt is planned twice ahead.</summary>
    public static string Cron(CheckinSchedule schedule) => $"{(schedule.LocalTime.Minute + 45) % 60} * * * *";

    public static Job Of(Guid scheduleId) => Job.FromExpression<CheckinJob>(j => j.RunAsync(scheduleId, CancellationToken.None));

    public async Task<PlanningResult> RunAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var scope = scopes.CreateScope();
            var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
            try
            {
                var result = await CheckinPlanning.RunAsync(store, scheduleId, time.GetUtcNow(), cancellationToken);
                await store.SaveChangesAsync(cancellationToken);
                LogPlanned(log, scheduleId, result.Prompts, result.Reminders, result.Away, result.Missed);
                return result;
            }
            catch (DuplicateKeyException ex) when (attempt < MaxAttempts)
            {
                LogRace(log, scheduleId, ex.Entity);
            }
            catch (WriteConflictException) when (attempt < MaxAttempts)
            {
                // A deadlock with a concurrent run (another instance): nothing was committed; plan again on fresh state.
                LogRace(log, scheduleId, "deadlock");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Check-in {ScheduleId}: {Prompts} prompts, {Reminders} reminders, {Away} away, {Missed} missed")]
    private static partial void LogPlanned(ILogger logger, Guid scheduleId, int prompts, int reminders, int away, int missed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check-in {ScheduleId}: another run planned first ({Entity}); planning again")]
    private static partial void LogRace(ILogger logger, Guid scheduleId, string? entity);
}

/// <summary>The check-in jobs: one per active schedule, in the schedule's time zone.</summary>
public sealed class CheckinJobSource(IServiceScopeFactory scopes) : IRecurringJobSource
{
    public string IdPrefix => CheckinSchedule.JobIdPrefix;

    public async Task<IReadOnlyList<RecurringJobDefinition>> GetJobsAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var schedules = await scope.ServiceProvider.GetRequiredService<IPmStore>().ListAllCheckinSchedulesAsync(cancellationToken);
        return [.. schedules.Where(s => s.IsActive).Select(Definition)];
    }

    public static RecurringJobDefinition Definition(CheckinSchedule schedule) =>
        new(schedule.JobId, CheckinJob.Of(schedule.Id), CheckinJob.Cron(schedule), Core.Dispatching.MemberClock.Zone(schedule.TimeZone));
}

/// <summary>
/// Keeps the check-in jobs in step with their schedules after each commit that changed one: (re)registers an active
/// schedule's job and plans it at once (so a schedule created at 09:20 for 09:30 prompts today), removes the job of a
/// paused or removed one.
/// </summary>
public sealed class CheckinJobSync(IServiceScopeFactory scopes, IRecurringJobManager jobs, IBackgroundJobClient background) : ICheckinScheduleObserver
{
    public async Task SchedulesChangedAsync(IReadOnlyCollection<Guid> scheduleIds, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
        foreach (var id in scheduleIds)
        {
            var schedule = await store.GetCheckinScheduleAsync(id, cancellationToken);
            if (schedule is not { IsActive: true })
            {
                jobs.RemoveIfExists(CheckinSchedule.JobIdPrefix + id.ToString("N"));
                continue;
            }
            var definition = CheckinJobSource.Definition(schedule);
            jobs.AddOrUpdate(definition.Id, definition.Job, definition.Cron, new RecurringJobOptions { TimeZone = definition.TimeZone });
            background.Create(definition.Job, new Hangfire.States.EnqueuedState());
        }
    }
}

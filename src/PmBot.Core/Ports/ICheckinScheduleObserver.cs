namespace PmBot.Core.Ports;

/// <summary>
/// Told after a commit that added, changed or removed check-in schedules, so that their recurring jobs follow
/// (the server re-registers or removes <c>checkin:{id}</c> and plans at once). The store calls it; handlers need not.
/// </summary>
public interface ICheckinScheduleObserver
{
    Task SchedulesChangedAsync(IReadOnlyCollection<Guid> scheduleIds, CancellationToken cancellationToken);
}

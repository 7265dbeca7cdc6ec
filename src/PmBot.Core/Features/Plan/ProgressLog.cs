using PmBot.Core.Domain;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// The dated history of a work item's progress (<see cref="ProgressSnapshot"/>), so earned value can be computed at past
/// status dates. Reports may be dated ("as of") but not in the future, nor before the item's latest report: the item's
/// current percent and remaining hours are always those of its latest snapshot.
/// </summary>
public static class ProgressLog
{
    /// <summary>Why progress cannot be reported for <paramref name="date"/>: the resource key and its arguments, or null.</summary>
    public static (string Key, object[] Args)? Refusal(DateOnly date, DateOnly today, ProgressSnapshot? latest)
    {
        if (date > today)
            return ("progress.future", [Iso(date)]);
        if (latest is not null && date < latest.Date)
            return ("progress.before_latest", [Iso(date), Iso(latest.Date)]);
        return null;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Records the item's current percent and remaining hours as of <paramref name="date"/> (updating that date's snapshot if there is one).</summary>
    public static void Record(IPmStore store, WorkItem item, ProgressSnapshot? latest, DateOnly date, DateTimeOffset now)
    {
        if (latest is not null && latest.Date == date)
        {
            latest.PercentComplete = item.PercentComplete;
            latest.RemainingHours = item.RemainingHours;
            latest.RecordedAt = now;
            return;
        }
        store.Add(new ProgressSnapshot
        {
            ProjectId = item.ProjectId,
            WorkItemId = item.Id,
            Date = date,
            PercentComplete = item.PercentComplete,
            RemainingHours = item.RemainingHours,
            RecordedAt = now,
        });
    }

    /// <summary>
    /// The item's percent complete and remaining hours as of <paramref name="date"/>: from its latest snapshot on or before
    /// that date (0% and none when every snapshot is later); an item with no snapshot at all (progress reported before
    /// snapshots were kept) counts with its current values.
    /// </summary>
    public static (int Percent, decimal? RemainingHours) AsOf(WorkItem item, IReadOnlyList<ProgressSnapshot> snapshotsByDate, DateOnly date)
    {
        if (snapshotsByDate.Count == 0)
            return (item.PercentComplete, item.RemainingHours);
        ProgressSnapshot? found = null;
        foreach (var snapshot in snapshotsByDate)
        {
            if (snapshot.Date > date)
                break;
            found = snapshot;
        }
        return found is null ? (0, null) : (found.PercentComplete, found.RemainingHours);
    }
}

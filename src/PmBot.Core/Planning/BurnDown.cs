namespace PmBot.Core.Planning;

/// <summary>A dated progress report: the task's percent complete as of the end of <see cref="Date"/>.</summary>
public sealed record ProgressPoint(DateOnly Date, int Percent);

/// <summary>What a burn-down needs of one task (a leaf of the WBS).</summary>
public sealed record BurnDownTask(int DurationDays, int PercentComplete, DateOnly? ActualStart, DateOnly? ActualFinish)
{
    /// <summary>The task's dated progress reports, oldest first; empty when it has none.</summary>
    public IReadOnlyList<ProgressPoint> History { get; init; } = [];

    /// <summary>Whether its past has to be reconstructed: it has progress but no dated report of it.</summary>
    public bool IsReconstructed => History.Count == 0 && (PercentComplete > 0 || ActualFinish is not null);
}

/// <summary>
/// A burn-down of planned work: remaining work in working days, Σ duration × (1 − share done). A task with a dated
/// progress history had, at the end of a day, the percent of its latest report on or before it (nothing before its
/// first). The past of a task without one (progress reported before the history was kept) is reconstructed: a finished
/// task went from 0 to 100% evenly between its actual start and finish, an unfinished one from 0 at its actual start to
/// its current percent today, and a task not started had nothing done.
/// </summary>
public static class BurnDown
{
    /// <summary>At most this many points on the actual line (longer spans step several days at a time).</summary>
    public const int MaxPoints = 120;

    /// <summary>All planned work, in working days.</summary>
    public static double Total(IReadOnlyList<BurnDownTask> tasks) => tasks.Sum(t => (double)Math.Max(0, t.DurationDays));

    /// <summary>Work left at the end of <paramref name="date"/> (which is at most <paramref name="today"/>).</summary>
    public static double Remaining(IReadOnlyList<BurnDownTask> tasks, DateOnly date, DateOnly today) =>
        tasks.Sum(t => Math.Max(0, t.DurationDays) * (1 - DoneShare(t, date, today)));

    /// <summary>The actual line: remaining work at the end of each day from <paramref name="start"/> to <paramref name="today"/>.</summary>
    public static IReadOnlyList<(DateOnly Date, double Remaining)> Actual(IReadOnlyList<BurnDownTask> tasks, DateOnly start, DateOnly today)
    {
        if (today < start)
            return [(start, Total(tasks))];
        var days = today.DayNumber - start.DayNumber;
        var step = Math.Max(1, (int)Math.Ceiling(days / (double)(MaxPoints - 1)));
        var points = new List<(DateOnly, double)>();
        for (var offset = 0; offset < days; offset += step)
            points.Add((start.AddDays(offset), Remaining(tasks, start.AddDays(offset), today)));
        points.Add((today, Remaining(tasks, today, today)));
        return points;
    }

    /// <summary>The ideal line's value on <paramref name="date"/>: all work at the start, none at the finish, straight between.</summary>
    public static double Ideal(double total, DateOnly start, DateOnly finish, DateOnly date)
    {
        if (date <= start)
            return total;
        if (date >= finish)
            return 0;
        return total * (finish.DayNumber - date.DayNumber) / (finish.DayNumber - start.DayNumber);
    }

    /// <summary>The share of a task done by the end of <paramref name="date"/>, from its history or reconstructed (see the class).</summary>
    public static double DoneShare(BurnDownTask task, DateOnly date, DateOnly today)
    {
        if (task.History.Count > 0)
        {
            var percent = 0;
            foreach (var report in task.History)
            {
                if (report.Date > date)
                    break;
                percent = report.Percent;
            }
            return Math.Clamp(percent, 0, 100) / 100.0;
        }
        if (task.ActualFinish is { } finish && finish <= date)
            return 1;
        var current = task.ActualFinish is null ? Math.Clamp(task.PercentComplete, 0, 100) / 100.0 : 1;
        if (current == 0)
            return 0;
        var started = task.ActualStart ?? today;
        if (date < started)
            return 0;
        var end = task.ActualFinish ?? today;
        if (end <= started)
            return current;
        var elapsed = date.DayNumber - started.DayNumber + 1;
        var span = end.DayNumber - started.DayNumber + 1;
        return current * Math.Min(1, elapsed / (double)span);
    }
}

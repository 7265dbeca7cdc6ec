namespace PmBot.Core.Planning;

/// <summary>What a burn-down needs of one task (a leaf of the WBS).</summary>
public sealed record BurnDownTask(int DurationDays, int PercentComplete, DateOnly? ActualStart, DateOnly? ActualFinish);

/// <summary>
/// A burn-down of planned work: remaining work in working days, Σ duration × (1 − share done). PmBot stores each
/// task's latest percent complete and its actual start and finish, not a history of reports, so the past is
/// reconstructed: a finished task went from 0 to 100% evenly between its actual start and finish, an unfinished one
/// from 0 at its actual start to its current percent today, and a task not started had nothing done.
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

    /// <summary>The share of a task done by the end of <paramref name="date"/>, reconstructed as described on the class.</summary>
    public static double DoneShare(BurnDownTask task, DateOnly date, DateOnly today)
    {
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

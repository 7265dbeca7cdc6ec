using System.Collections.Frozen;

namespace PmBot.Core.Planning;

/// <summary>
/// Which dates are working days: working weekdays (Monday to Friday unless told otherwise), minus holidays,
/// and for a named resource also minus that resource's days off. Immutable and safe to share.
/// </summary>
/// <remarks>
/// Day arithmetic, precisely (all results are working days):
/// <list type="bullet">
/// <item><see cref="AddWorkingDays"/> with <c>n = 0</c> returns the date itself when it is a working day, else the next working day.</item>
/// <item>With <c>n &gt; 0</c> it returns the n-th working day strictly after the date (Friday + 1 = Monday; Saturday + 1 = Monday).</item>
/// <item>With <c>n &lt; 0</c> it returns the |n|-th working day strictly before the date (Monday - 1 = Friday; Sunday - 1 = Friday).</item>
/// <item><see cref="WorkingDaysBetween"/>(a, b) counts the working days in (a, b] when b ≥ a, and is minus the count of (b, a] when b &lt; a,
/// so <c>AddWorkingDays(a, WorkingDaysBetween(a, b)) == b</c> whenever a and b are both working days.</item>
/// <item><see cref="CountWorkingDays"/>(from, to) counts the working days in [from, to], both ends included (0 when to &lt; from).</item>
/// </list>
/// Each of these takes an optional resource id; a resource works on the calendar's working days minus its own days off.
/// </remarks>
public sealed class WorkCalendar
{
    /// <summary>Monday to Friday, no holidays.</summary>
    public static WorkCalendar Standard { get; } = new();

    private readonly bool[] _workingWeekday = new bool[7];
    private readonly FrozenSet<DateOnly> _holidays;
    private readonly FrozenDictionary<string, FrozenSet<DateOnly>> _daysOff;

    /// <param name="workingWeekdays">Defaults to Monday to Friday; must name at least one day.</param>
    /// <param name="holidays">Dates nobody works.</param>
    /// <param name="resourceDaysOff">Per resource id, the dates that resource does not work (on top of holidays).</param>
    public WorkCalendar(
        IEnumerable<DayOfWeek>? workingWeekdays = null,
        IEnumerable<DateOnly>? holidays = null,
        IReadOnlyDictionary<string, IReadOnlyCollection<DateOnly>>? resourceDaysOff = null)
    {
        var weekdays = workingWeekdays?.ToArray()
            ?? [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        foreach (var day in weekdays)
            _workingWeekday[(int)day] = true;
        if (!_workingWeekday.Contains(true))
            throw new ArgumentException("A work calendar needs at least one working weekday.", nameof(workingWeekdays));
        WorkingWeekdays = Enum.GetValues<DayOfWeek>().Where(d => _workingWeekday[(int)d]).ToArray();
        _holidays = (holidays ?? []).ToFrozenSet();
        _daysOff = (resourceDaysOff ?? new Dictionary<string, IReadOnlyCollection<DateOnly>>())
            .ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(), StringComparer.Ordinal);
    }

    public IReadOnlyList<DayOfWeek> WorkingWeekdays { get; }
    public IReadOnlySet<DateOnly> Holidays => _holidays;

    /// <summary>The resources that have days off of their own.</summary>
    public IEnumerable<string> ResourcesWithDaysOff => _daysOff.Keys;

    /// <summary>The days off of one resource (empty when it has none).</summary>
    public IReadOnlySet<DateOnly> DaysOff(string resourceId) =>
        _daysOff.TryGetValue(resourceId, out var days) ? days : FrozenSet<DateOnly>.Empty;

    public bool IsWorkingDay(DateOnly date, string? resourceId = null) =>
        _workingWeekday[(int)date.DayOfWeek]
        && !_holidays.Contains(date)
        && (resourceId is null || !_daysOff.TryGetValue(resourceId, out var off) || !off.Contains(date));

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date, string? resourceId = null)
    {
        var day = date.AddDays(1);
        while (!IsWorkingDay(day, resourceId))
            day = day.AddDays(1);
        return day;
    }

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date, string? resourceId = null)
    {
        var day = date.AddDays(-1);
        while (!IsWorkingDay(day, resourceId))
            day = day.AddDays(-1);
        return day;
    }

    /// <summary>See the class remarks: 0 = the date if working else the next working day; ±n = n working days strictly after/before.</summary>
    public DateOnly AddWorkingDays(DateOnly date, int n, string? resourceId = null)
    {
        if (n == 0)
            return IsWorkingDay(date, resourceId) ? date : NextWorkingDay(date, resourceId);
        var day = date;
        for (var i = 0; i < Math.Abs(n); i++)
            day = n > 0 ? NextWorkingDay(day, resourceId) : PreviousWorkingDay(day, resourceId);
        return day;
    }

    /// <summary>Working days in (a, b] when b ≥ a, else minus the working days in (b, a].</summary>
    public int WorkingDaysBetween(DateOnly a, DateOnly b, string? resourceId = null) =>
        b >= a
            ? CountWorkingDays(a.AddDays(1), b, resourceId)
            : -CountWorkingDays(b.AddDays(1), a, resourceId);

    /// <summary>Working days in [from, to], both included; 0 when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to, string? resourceId = null)
    {
        if (to < from)
            return 0;
        var total = to.DayNumber - from.DayNumber + 1;
        var weeks = total / 7;
        var count = weeks * WorkingWeekdays.Count;
        for (var day = from.AddDays(weeks * 7); day <= to; day = day.AddDays(1))
        {
            if (_workingWeekday[(int)day.DayOfWeek])
                count++;
        }
        count -= CountExceptions(_holidays, from, to);
        if (resourceId is not null && _daysOff.TryGetValue(resourceId, out var off))
        {
            foreach (var d in off)
            {
                if (d >= from && d <= to && _workingWeekday[(int)d.DayOfWeek] && !_holidays.Contains(d))
                    count--;
            }
        }
        return count;
    }

    /// <summary>
    /// A precomputed index of the working days from the first working day on or after <paramref name="origin"/>
    /// (index 0) through <paramref name="until"/>, for O(1) date arithmetic; dates outside still work, more slowly.
    /// </summary>
    public WorkingDayIndex CreateIndex(DateOnly origin, DateOnly until) => new(this, origin, until);

    private int CountExceptions(FrozenSet<DateOnly> dates, DateOnly from, DateOnly to)
    {
        var count = 0;
        foreach (var d in dates)
        {
            if (d >= from && d <= to && _workingWeekday[(int)d.DayOfWeek])
                count++;
        }
        return count;
    }
}

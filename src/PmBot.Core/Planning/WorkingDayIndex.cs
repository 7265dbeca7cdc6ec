namespace PmBot.Core.Planning;

/// <summary>
/// Working days numbered 0, 1, 2, … from <see cref="Origin"/> (the first working day on or after the date asked for),
/// precomputed through a last date so that date ⇄ index conversions are array look-ups. Indices may be negative
/// (working days before the origin) or past the precomputed range; those are answered through the calendar, more slowly.
/// Immutable and safe to share.
/// </summary>
public sealed class WorkingDayIndex
{
    private readonly WorkCalendar _calendar;
    private readonly int _firstDayNumber;
    // _before[i] = number of working days in [origin, origin + i) (calendar days); length = span + 1.
    private readonly int[] _before;
    private readonly DateOnly[] _dates;

    internal WorkingDayIndex(WorkCalendar calendar, DateOnly origin, DateOnly until)
    {
        _calendar = calendar;
        Origin = calendar.AddWorkingDays(origin, 0);
        var last = until < Origin ? Origin : until;
        var span = last.DayNumber - Origin.DayNumber + 1;
        _firstDayNumber = Origin.DayNumber;
        _before = new int[span + 1];
        var dates = new List<DateOnly>(span);
        for (var i = 0; i < span; i++)
        {
            var day = Origin.AddDays(i);
            if (calendar.IsWorkingDay(day))
                dates.Add(day);
            _before[i + 1] = dates.Count;
        }
        _dates = dates.ToArray();
    }

    public WorkCalendar Calendar => _calendar;

    /// <summary>The working day with index 0.</summary>
    public DateOnly Origin { get; }

    /// <summary>How many working days are precomputed.</summary>
    public int Count => _dates.Length;

    /// <summary>The working day with index <paramref name="index"/>.</summary>
    public DateOnly DateOf(int index)
    {
        if ((uint)index < (uint)_dates.Length)
            return _dates[index];
        return index < 0
            ? _calendar.AddWorkingDays(Origin, index)
            : _calendar.AddWorkingDays(_dates[^1], index - _dates.Length + 1);
    }

    /// <summary>The index of the first working day on or after <paramref name="date"/> (where work starting that date really starts).</summary>
    public int StartIndexOf(DateOnly date)
    {
        var offset = date.DayNumber - _firstDayNumber;
        if ((uint)offset < (uint)(_before.Length - 1))
            return _before[offset];
        return _calendar.WorkingDaysBetween(Origin, _calendar.AddWorkingDays(date, 0));
    }

    /// <summary>The index of the last working day on or before <paramref name="date"/> (where work due that date really ends).</summary>
    public int FinishIndexOf(DateOnly date)
    {
        var offset = date.DayNumber - _firstDayNumber;
        if ((uint)offset < (uint)(_before.Length - 1))
            return _before[offset + 1] - 1;
        var day = _calendar.IsWorkingDay(date) ? date : _calendar.PreviousWorkingDay(date);
        return _calendar.WorkingDaysBetween(Origin, day);
    }
}

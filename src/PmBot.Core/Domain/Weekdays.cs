using System.Globalization;

namespace PmBot.Core.Domain;

/// <summary>A set of days of the week (working days of a workspace, the days a check-in runs). Stored as its number.</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Sunday = 1 << DayOfWeek.Sunday,
    Monday = 1 << DayOfWeek.Monday,
    Tuesday = 1 << DayOfWeek.Tuesday,
    Wednesday = 1 << DayOfWeek.Wednesday,
    Thursday = 1 << DayOfWeek.Thursday,
    Friday = 1 << DayOfWeek.Friday,
    Saturday = 1 << DayOfWeek.Saturday,
    MondayToFriday = Monday | Tuesday | Wednesday | Thursday | Friday,
    All = MondayToFriday | Saturday | Sunday,
}

public static class WeekdaySet
{
    private static readonly string[] Names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static bool Contains(this Weekdays days, DayOfWeek day) => (days & Of(day)) != 0;

    public static Weekdays Of(DayOfWeek day) => (Weekdays)(1 << (int)day);

    /// <summary>The days in the set, Monday first.</summary>
    public static IReadOnlyList<DayOfWeek> Days(this Weekdays days) =>
        [.. Enumerable.Range(1, 7).Select(i => (DayOfWeek)(i % 7)).Where(d => days.Contains(d))];

    /// <summary>"mon-fri", "mon,wed,fri", "sat,sun", "daily", "weekdays" (English three-letter or full names).</summary>
    public static bool TryParse(string? text, out Weekdays days)
    {
        days = Weekdays.None;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var value = text.Trim().ToLowerInvariant();
        if (value is "daily" or "all" or "every day")
        {
            days = Weekdays.All;
            return true;
        }
        if (value is "weekdays" or "workdays")
        {
            days = Weekdays.MondayToFriday;
            return true;
        }
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length > 2 || !TryDay(range[0], out var first))
                return false;
            var last = first;
            if (range.Length == 2 && !TryDay(range[1], out last))
                return false;
            // A range may wrap round the week: fri-mon.
            for (var d = (int)first; ; d = (d + 1) % 7)
            {
                days |= Of((DayOfWeek)d);
                if (d == (int)last)
                    break;
            }
        }
        return days != Weekdays.None;
    }

    /// <summary>Compact form, Monday first: "mon-fri", "mon,wed,fri", "daily".</summary>
    public static string Format(this Weekdays days)
    {
        if (days == Weekdays.All)
            return "daily";
        var list = days.Days();
        if (list.Count == 0)
            return "";
        // Runs of consecutive days (Monday first) become ranges.
        var parts = new List<string>();
        var order = list.Select(d => ((int)d + 6) % 7).ToList();
        for (var i = 0; i < order.Count;)
        {
            var j = i;
            while (j + 1 < order.Count && order[j + 1] == order[j] + 1)
                j++;
            var from = Names[(order[i] + 1) % 7];
            var to = Names[(order[j] + 1) % 7];
            parts.Add(j - i >= 2 ? $"{from}-{to}" : j == i ? from : $"{from},{to}");
            i = j + 1;
        }
        return string.Join(',', parts);
    }

    private static bool TryDay(string text, out DayOfWeek day)
    {
        day = default;
        if (text.Length < 3)
            return false;
        var index = Array.FindIndex(Names, n => text.StartsWith(n, StringComparison.Ordinal));
        if (index < 0)
            return false;
        var full = CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)index).ToLowerInvariant();
        if (text.Length > 3 && !full.StartsWith(text, StringComparison.Ordinal) && text is not ("tues" or "thur" or "thurs"))
            return false;
        day = (DayOfWeek)index;
        return true;
    }
}

using System.Globalization;

namespace PmBot.Core.Parsing;

/// <summary>
/// Dates as people type them: ISO <c>2026-12-24</c>, <c>today</c>, <c>tomorrow</c>, <c>yesterday</c>, weekday names
/// (the next such day, today included), <c>+3d</c>, <c>+2w</c>, <c>-1d</c>, and the Chinese forms 今天/明天/昨天/周一…周日.
/// </summary>
public static class RelativeDate
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
        ["周一"] = DayOfWeek.Monday, ["星期一"] = DayOfWeek.Monday,
        ["周二"] = DayOfWeek.Tuesday, ["星期二"] = DayOfWeek.Tuesday,
        ["周三"] = DayOfWeek.Wednesday, ["星期三"] = DayOfWeek.Wednesday,
        ["周四"] = DayOfWeek.Thursday, ["星期四"] = DayOfWeek.Thursday,
        ["周五"] = DayOfWeek.Friday, ["星期五"] = DayOfWeek.Friday,
        ["周六"] = DayOfWeek.Saturday, ["星期六"] = DayOfWeek.Saturday,
        ["周日"] = DayOfWeek.Sunday, ["星期日"] = DayOfWeek.Sunday, ["周天"] = DayOfWeek.Sunday, ["星期天"] = DayOfWeek.Sunday,
    };

    /// <param name="input">What the member typed.</param>
    /// <param name="today">Today in the member's own time zone.</param>
    /// <param name="date">The date meant.</param>
    public static bool TryParse(string input, DateOnly today, out DateOnly date)
    {
        date = default;
        var text = input.Trim();
        if (text.Length == 0)
            return false;
        switch (text.ToLowerInvariant())
        {
            case "today" or "今天":
                date = today;
                return true;
            case "tomorrow" or "明天":
                date = today.AddDays(1);
                return true;
            case "yesterday" or "昨天":
                date = today.AddDays(-1);
                return true;
        }
        if (Weekdays.TryGetValue(text, out var weekday))
        {
            var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
            date = today.AddDays(ahead);
            return true;
        }
        if (text.Length >= 3 && text[0] is '+' or '-' && char.ToLowerInvariant(text[^1]) is 'd' or 'w'
            && int.TryParse(text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && amount <= 3650)
        {
            var days = amount * (char.ToLowerInvariant(text[^1]) == 'w' ? 7 : 1) * (text[0] == '-' ? -1 : 1);
            date = today.AddDays(days);
            return true;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}

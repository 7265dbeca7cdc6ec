using System.Globalization;
using PmBot.Core.Domain;

namespace PmBot.Core.Parsing;

public enum QuantityError
{
    None,
    NotUnderstood,
    Negative,
    TooLarge,
}

/// <summary>
/// An amount of time as typed: <c>3h</c>, <c>2.5h</c>, <c>30m</c>, <c>1h30m</c>, <c>1d</c> (a working day,
/// <see cref="Effort.HoursPerDay"/> = 8 hours), <c>1.5d</c>, or a bare number of hours (<c>16</c>). Chinese units too:
/// <c>3小时</c>, <c>30分钟</c>, <c>2天</c>. The result is in hours, rounded to hundredths (20m = 0.33h).
/// </summary>
public static class HoursText
{
    public const decimal Max = 100_000;

    private static readonly (string Unit, decimal Hours)[] Units =
    [
        ("hours", 1), ("hour", 1), ("hrs", 1), ("hr", 1), ("h", 1), ("小时", 1), ("钟头", 1), ("时", 1),
        ("minutes", 1m / 60), ("minute", 1m / 60), ("mins", 1m / 60), ("min", 1m / 60), ("m", 1m / 60), ("分钟", 1m / 60), ("分", 1m / 60),
        ("days", Effort.HoursPerDay), ("day", Effort.HoursPerDay), ("d", Effort.HoursPerDay), ("人天", Effort.HoursPerDay), ("天", Effort.HoursPerDay),
    ];

    public static QuantityError TryParse(string text, out decimal hours)
    {
        hours = 0;
        var s = text.Trim();
        if (s.StartsWith('-') || s.StartsWith('−'))
            return Read(s[1..], out _) ? QuantityError.Negative : QuantityError.NotUnderstood;
        if (!Read(s, out var total))
            return QuantityError.NotUnderstood;
        if (total > Max)
            return QuantityError.TooLarge;
        hours = Math.Round(total, 2, MidpointRounding.AwayFromZero);
        return QuantityError.None;
    }

    /// <summary>Hours as they are typed back: <c>6h</c>, <c>2.5h</c> (invariant, so a form's initial value parses again).</summary>
    public static string Format(decimal hours) => Effort.Format(hours) + "h";

    private static bool Read(string s, out decimal total)
    {
        total = 0;
        if (s.Length == 0)
            return false;
        // A bare number is hours.
        if (Number(s, out total))
            return true;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
                i++;
            if (i == start || !Number(s[start..i], out var value))
                return false;
            var unit = Units.FirstOrDefault(u => string.Compare(s, i, u.Unit, 0, u.Unit.Length, StringComparison.OrdinalIgnoreCase) == 0);
            if (unit.Unit is null)
                return false;
            i += unit.Unit.Length;
            total += Math.Min(value, Max + 1) * unit.Hours;
        }
        return true;
    }

    private static bool Number(string s, out decimal value) =>
        decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && s[0] != '.' && s[^1] != '.';
}

/// <summary>
/// An amount of money as typed: <c>1200</c>, <c>1200.50</c>, <c>1,200.50</c> (commas group thousands), at most two
/// decimals. No currency sign: amounts are in the project's currency.
/// </summary>
public static class MoneyText
{
    public const decimal Max = 1_000_000_000_000m;

    public static QuantityError TryParse(string text, out decimal amount)
    {
        amount = 0;
        var s = text.Trim();
        if (s.StartsWith('-') || s.StartsWith('−'))
            return Read(s[1..], out _) ? QuantityError.Negative : QuantityError.NotUnderstood;
        if (!Read(s, out var value))
            return QuantityError.NotUnderstood;
        if (value > Max)
            return QuantityError.TooLarge;
        amount = value;
        return QuantityError.None;
    }

    private static bool Read(string s, out decimal value)
    {
        value = 0;
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? "" : s[(dot + 1)..];
        if (whole.Length == 0 || (dot >= 0 && fraction.Length is 0 or > 2) || !fraction.All(char.IsAsciiDigit))
            return false;
        if (whole.Contains(','))
        {
            // 1,200 or 12,345,678: groups of three after the first.
            var groups = whole.Split(',');
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
                return false;
            whole = string.Concat(groups);
        }
        if (!whole.All(char.IsAsciiDigit) || whole.Length > 15)
            return false;
        return decimal.TryParse(fraction.Length == 0 ? whole : whole + "." + fraction, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}

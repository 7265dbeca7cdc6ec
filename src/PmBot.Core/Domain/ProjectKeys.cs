using System.Text;

namespace PmBot.Core.Domain;

/// <summary>Rules for project keys: 2-10 characters, A-Z then A-Z or 0-9.</summary>
public static class ProjectKeys
{
    public static bool IsValid(string key) =>
        key.Length is >= 2 and <= Project.MaxKeyLength
        && key[0] is >= 'A' and <= 'Z'
        && key.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9');

    /// <summary>Derives a key from a name: "Apollo Moon Landing" gives "APOLLO"; falls back to "PRJ".</summary>
    public static string Suggest(string name)
    {
        var words = name.Split([' ', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant())
            .Where(w => w.Length > 0)
            .ToList();
        var first = words.FirstOrDefault(w => w[0] is >= 'A' and <= 'Z');
        if (first is null)
            return "PRJ";
        var key = first.Length >= 2 ? first : string.Concat(words).TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        key = key.Length > Project.MaxKeyLength ? key[..Project.MaxKeyLength] : key;
        return IsValid(key) ? key : "PRJ";
    }

    /// <summary>The n-th alternative for a taken key: APOLLO2, APOLLO3, … kept within the length limit.</summary>
    public static string Alternative(string key, int n)
    {
        var suffix = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stem = key.Length + suffix.Length > Project.MaxKeyLength ? key[..(Project.MaxKeyLength - suffix.Length)] : key;
        return new StringBuilder(stem).Append(suffix).ToString();
    }
}

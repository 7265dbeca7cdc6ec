using System.Globalization;
using PmBot.Core.Domain;

namespace PmBot.Core.Parsing;

/// <summary>A work item as typed: <c>APOLLO-12</c> (key and number) or <c>12</c> (in the command's project).</summary>
public sealed record ItemRef(string? ProjectKey, int Number)
{
    public static bool TryParse(string text, out ItemRef item)
    {
        item = new ItemRef(null, 0);
        var dash = text.LastIndexOf('-');
        var key = dash > 0 ? text[..dash].ToUpperInvariant() : null;
        var digits = dash > 0 ? text[(dash + 1)..] : text;
        if (key is not null && !ProjectKeys.IsValid(key))
            return false;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            return false;
        item = new ItemRef(key, number);
        return true;
    }

    public override string ToString() => ProjectKey is null ? Number.ToString(CultureInfo.InvariantCulture) : $"{ProjectKey}-{Number}";
}

namespace PmBot.Core.Planning;

/// <summary>WBS outline codes like "1.2.3": compared part by part as numbers when they are numbers.</summary>
public static class OutlineCode
{
    public static int Depth(string code) => code.Length == 0 ? 0 : code.Count(c => c == '.') + 1;

    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);

    public static int Compare(string? a, string? b)
    {
        if (a is null || b is null)
            return string.CompareOrdinal(a, b);
        var x = a.AsSpan();
        var y = b.AsSpan();
        while (x.Length > 0 && y.Length > 0)
        {
            var i = x.IndexOf('.');
            var j = y.IndexOf('.');
            var px = i < 0 ? x : x[..i];
            var py = j < 0 ? y : y[..j];
            var c = int.TryParse(px, out var nx) && int.TryParse(py, out var ny) ? nx.CompareTo(ny) : px.CompareTo(py, StringComparison.Ordinal);
            if (c != 0)
                return c;
            x = i < 0 ? [] : x[(i + 1)..];
            y = j < 0 ? [] : y[(j + 1)..];
            if (i < 0 || j < 0)
                return (i < 0 ? 0 : 1) - (j < 0 ? 0 : 1);
        }
        return x.Length.CompareTo(y.Length);
    }
}

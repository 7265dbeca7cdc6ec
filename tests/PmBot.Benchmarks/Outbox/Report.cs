using System.Globalization;

namespace PmBot.Benchmarks.Outbox;

/// <summary>A printed table of figures, some checked against a target.</summary>
public sealed class Report(string title)
{
    private readonly List<(string Metric, string Value, string Target, string Result)> _rows = [];

    public List<string> Failures { get; } = [];

    public void Info(string metric, string value) => _rows.Add((metric, value, "", ""));

    public void Check(string metric, double value, string format, string unit, string targetText, bool pass)
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : "");
        _rows.Add((metric, text, targetText, pass ? "PASS" : "FAIL"));
        if (!pass)
            Failures.Add($"{title}: {metric} = {text}, target {targetText}");
    }

    public void Print()
    {
        var w0 = Math.Max(6, _rows.Max(r => r.Metric.Length));
        var w1 = Math.Max(5, _rows.Max(r => r.Value.Length));
        var w2 = Math.Max(6, _rows.Max(r => r.Target.Length));
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"| {"metric".PadRight(w0)} | {"value".PadLeft(w1)} | {"target".PadRight(w2)} | result |");
        Console.WriteLine($"|{new string('-', w0 + 2)}|{new string('-', w1 + 2)}|{new string('-', w2 + 2)}|--------|");
        foreach (var (metric, value, target, result) in _rows)
            Console.WriteLine($"| {metric.PadRight(w0)} | {value.PadLeft(w1)} | {target.PadRight(w2)} | {result,-6} |");
    }

    /// <summary>The q-quantile (nearest rank) of an ascending list.</summary>
    public static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string F(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}

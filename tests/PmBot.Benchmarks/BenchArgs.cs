using System.Globalization;

namespace PmBot.Benchmarks;

/// <summary>Options as <c>--name value</c> pairs (a bare <c>--flag</c> is "true").</summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public static BenchArgs Parse(IEnumerable<string> args)
    {
        var result = new BenchArgs();
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                    result._values[pending] = "true";
                pending = arg[2..];
            }
            else if (pending is not null)
            {
                result._values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'; options are --name value.");
            }
        }
        if (pending is not null)
            result._values[pending] = "true";
        return result;
    }

    public string? String(string name) => _values.TryGetValue(name, out var v) ? v : null;

    public string Required(string name) => String(name) ?? throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) => String(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => String(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}

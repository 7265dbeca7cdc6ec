using System.Text;

namespace PmBot.Core.Csv;

/// <summary>
/// Writes CSV as RFC 4180 describes it: records end with <c>\r\n</c>; a field is quoted (its quotes doubled) when it
/// holds the separator, a quote, a line break, or spaces at either end.
/// </summary>
public static class CsvWriter
{
    public static string Write(IEnumerable<IReadOnlyList<string>> records, char separator = ',')
    {
        var csv = new StringBuilder();
        foreach (var record in records)
        {
            for (var i = 0; i < record.Count; i++)
            {
                if (i > 0)
                    csv.Append(separator);
                AppendField(csv, record[i], separator);
            }
            csv.Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>UTF-8 with a byte order mark, so spreadsheet programs read Chinese (and every other) text right.</summary>
    public static byte[] Utf8WithBom(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];

    private static void AppendField(StringBuilder csv, string field, char separator)
    {
        var quote = field.Length > 0 && (field[0] == ' ' || field[^1] == ' ' || field.AsSpan().IndexOfAny(['"', '\r', '\n', separator]) >= 0);
        if (!quote)
        {
            csv.Append(field);
            return;
        }
        csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}

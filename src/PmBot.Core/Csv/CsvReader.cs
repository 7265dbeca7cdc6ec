using System.Text;

namespace PmBot.Core.Csv;

/// <summary>One record of a CSV text: its fields, and the line it starts on (1 = the first line).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A CSV text read into records, with the separator it uses.</summary>
public sealed record CsvDocument(char Separator, IReadOnlyList<CsvRecord> Records);

/// <summary>
/// Reads CSV text as RFC 4180 describes it, and forgives what people paste: a UTF-8 byte order mark, a comma,
/// semicolon or tab separator (found from the first line), <c>\r\n</c>, <c>\n</c> or <c>\r</c> line ends, quoted
/// fields with separators, doubled quotes and line breaks inside, spaces before an opening quote, and blank lines.
/// A quote inside an unquoted field is kept as a character.
/// </summary>
public static class CsvReader
{
    public const char Bom = '\uFEFF';

    /// <summary>Reads <paramref name="text"/>; false (with the line where it was opened) when a quote is never closed.</summary>
    public static bool TryRead(string text, out CsvDocument document, out int unclosedQuoteLine)
    {
        if (text.Length > 0 && text[0] == Bom)
            text = text[1..];
        var separator = DetectSeparator(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        unclosedQuoteLine = 0;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            // A blank line is no record; a line of separators is one (of empty fields).
            if (fields.Count > 1 || fields[0].Length > 0)
                records.Add(new CsvRecord(recordLine, fields.ToArray()));
            fields.Clear();
        }

        while (i < text.Length)
        {
            // At the start of a field: a quote (maybe after spaces) opens a quoted field.
            var quoteAt = i;
            while (quoteAt < text.Length && text[quoteAt] == ' ')
                quoteAt++;
            if (quoteAt < text.Length && text[quoteAt] == '"')
            {
                var openedOn = line;
                i = quoteAt + 1;
                var closed = false;
                while (i < text.Length)
                {
                    var c = text[i];
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    if (IsLineBreak(text, ref i))
                    {
                        field.Append('\n');
                        line++;
                        continue;
                    }
                    field.Append(c);
                    i++;
                }
                if (!closed)
                {
                    document = new CsvDocument(separator, records);
                    unclosedQuoteLine = openedOn;
                    return false;
                }
            }
            // The rest of the field (all of an unquoted one; for a quoted one, anything up to the separator is kept as is).
            while (i < text.Length && text[i] != separator && text[i] != '\n' && text[i] != '\r')
                field.Append(text[i++]);
            if (i >= text.Length)
                break;
            if (text[i] == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
                continue;
            }
            IsLineBreak(text, ref i);
            EndRecord();
            line++;
            recordLine = line;
        }
        if (fields.Count > 0 || field.Length > 0)
            EndRecord();
        document = new CsvDocument(separator, records);
        return true;
    }

    /// <summary>The separator the first line uses most outside quotes: comma, semicolon or tab (comma when none).</summary>
    public static char DetectSeparator(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
                quoted = !quoted;
            else if (quoted)
                continue;
            else if (c is '\n' or '\r')
                break;
            else if (c == ',')
                commas++;
            else if (c == ';')
                semicolons++;
            else if (c == '\t')
                tabs++;
        }
        return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    /// <summary>True (and past it) when <paramref name="i"/> is at a line break: <c>\r\n</c>, <c>\n</c> or <c>\r</c>.</summary>
    private static bool IsLineBreak(string text, ref int i)
    {
        var length = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : text[i] is '\n' or '\r' ? 1 : 0;
        i += length;
        return length > 0;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using PmBot.Core.Csv;
using PmBot.Core.Domain;
using PmBot.Core.Features.Members;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.PlanCsv;

/// <summary>
/// Checks a plan CSV (docs/csv.md) completely before anything is imported: every bad row is reported with its line
/// and reason (missing name, bad number or date, unknown parent, owner or predecessor, duplicate id, links on rows
/// with sub-tasks, parent loops and dependency loops naming their rows).
/// </summary>
public static partial class PlanImport
{
    public const int MaxRows = 2000;
    public const int MaxDays = 10_000;
    public const int MaxLongText = 4000;
    private const int MaxLoopsReported = 20;

    public static ImportCheck Check(string text, IReadOnlyList<Member> members)
    {
        if (!CsvReader.TryRead(Unfence(text), out var csv, out var unclosedAt))
            return Failed(new RowError(unclosedAt, "unclosed_quote"));
        if (csv.Records.Count == 0)
            return Failed(new RowError(1, "empty"));

        var errors = new List<RowError>();
        var header = csv.Records[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var computed = new List<string>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = PlanColumns.Normalize(header.Fields[i]);
            if (name.Length == 0)
                continue;
            if (PlanColumns.Imported.Contains(name) && !columns.TryAdd(name, i))
                errors.Add(new RowError(header.Line, "duplicate_column", header.Fields[i].Trim()));
            else if (PlanColumns.Computed.Contains(name))
                computed.Add(name);
            else if (!PlanColumns.Imported.Contains(name))
                unknown.Add(header.Fields[i].Trim());
        }
        ImportCheck Done(IReadOnlyList<ImportRow> rows, int levels = 0) => new()
        {
            Rows = rows,
            Errors = errors.OrderBy(e => e.Line).ToList(),
            UnknownColumns = unknown,
            ComputedColumns = computed,
            Levels = levels,
        };
        if (!columns.ContainsKey(PlanColumns.Name))
            errors.Add(new RowError(header.Line, "no_name_column"));
        var records = csv.Records.Skip(1).Where(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f))).ToList();
        if (records.Count == 0)
            errors.Add(new RowError(header.Line, "no_rows"));
        else if (records.Count > MaxRows)
            errors.Add(new RowError(records[MaxRows].Line, "too_many_rows", MaxRows));
        if (errors.Count > 0)
            return Done([]);

        var cells = new RowReader(columns, header.Fields.Count, csv.Separator, members, errors);
        var keys = cells.Keys(records);
        var rows = records.Select(r => cells.Read(r, keys)).ToList();
        var levels = CheckTree(rows, errors);
        CheckLinks(rows, errors);
        return Done(rows, levels);
    }

    /// <summary>The CSV inside a message: without the ``` fence (and its language tag) around it, if any.</summary>
    public static string Unfence(string text)
    {
        var csv = text.Trim();
        if (csv.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLineEnd = csv.IndexOf('\n', StringComparison.Ordinal);
            var opening = firstLineEnd < 0 ? csv[3..] : csv[3..firstLineEnd];
            // "```csv" or "```" alone on the first line opens the fence; "```id,name" starts the CSV right after it.
            csv = opening.Trim().All(char.IsLetter) && firstLineEnd >= 0 ? csv[(firstLineEnd + 1)..] : csv[3..];
        }
        if (csv.EndsWith("```", StringComparison.Ordinal))
            csv = csv[..^3];
        return csv;
    }

    private static ImportCheck Failed(RowError error) => new() { Rows = [], Errors = [error] };

    /// <summary>Reports parent loops; returns the depth of the tree.</summary>
    private static int CheckTree(List<ImportRow> rows, List<RowError> errors)
    {
        var byKey = rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var levels = 1;
        foreach (var row in rows)
        {
            var path = new List<ImportRow> { row };
            var seen = new HashSet<string>(StringComparer.Ordinal) { row.Key };
            for (var at = row; at.ParentKey is { } parentKey && byKey.TryGetValue(parentKey, out var parent); at = parent)
            {
                if (!seen.Add(parent.Key))
                {
                    // A loop; reported once (by the rows on it), at its first line.
                    if (parent == row && reported.Add(string.Join('\n', path.Select(r => r.Key).Order(StringComparer.Ordinal))))
                        errors.Add(new RowError(path.Min(r => r.Line), "parent_loop", Path(path.Append(row)), Lines(path)));
                    break;
                }
                path.Add(parent);
            }
            levels = Math.Max(levels, path.Count);
        }
        return levels;
    }

    /// <summary>Reports links on rows with sub-tasks and every dependency loop (up to a limit).</summary>
    private static void CheckLinks(List<ImportRow> rows, List<RowError> errors)
    {
        var byKey = rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var parents = rows.Where(r => r.ParentKey is not null).Select(r => r.ParentKey!).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (parents.Contains(row.Key) && row.Predecessors.Count > 0)
                errors.Add(new RowError(row.Line, "summary_link", row.Key));
            foreach (var summary in row.Predecessors.Where(p => parents.Contains(p.RowId)).Select(p => p.RowId).Distinct())
                errors.Add(new RowError(row.Line, "summary_link", summary));
            if (parents.Contains(row.Key) && row.StartNoEarlierThan is not null)
                errors.Add(new RowError(row.Line, "summary_constraint", row.Key));
        }

        // Each loop found is reported, then broken at its last link, so independent loops are all named.
        var links = rows.SelectMany(r => r.Predecessors.Select(p => new Dependency(p.RowId, r.Key))).ToList();
        for (var found = 0; found < MaxLoopsReported && CpmScheduler.FindCycle(links) is { } cycle; found++)
        {
            // Named from its first row in the file: "a -> b -> c -> a".
            var loop = cycle.Path.Take(cycle.Path.Count - 1).Select(k => byKey[k]).ToList();
            var first = loop.IndexOf(loop.MinBy(r => r.Line)!);
            var named = loop.Skip(first).Concat(loop.Take(first + 1));
            errors.Add(new RowError(loop[first].Line, "cycle", Path(named), Lines(loop)));
            links.RemoveAll(l => l.PredecessorId == cycle.Path[^2] && l.SuccessorId == cycle.Path[^1]);
        }
    }

    private static string Path(IEnumerable<ImportRow> rows) => string.Join(" -> ", rows.Select(r => r.Key));

    private static string Lines(IEnumerable<ImportRow> rows) =>
        string.Join(", ", rows.Select(r => r.Line).Distinct().Order().Select(l => l.ToString(CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"^(?<type>FS|SS|FF|SF)?(?:(?<lag>[+-]\d{1,4})(?:d|days?)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkSuffix();

    /// <summary>Reads the cells of data rows, adding a <see cref="RowError"/> for each bad one.</summary>
    private sealed class RowReader(Dictionary<string, int> columns, int headerWidth, char separator, IReadOnlyList<Member> members, List<RowError> errors)
    {
        /// <summary>Row id (any case) to the row that has it first: its key (the id as written there) and line. Reports ids used twice.</summary>
        public Dictionary<string, (string Key, int Line)> Keys(List<CsvRecord> records)
        {
            var keys = new Dictionary<string, (string Key, int Line)>(StringComparer.OrdinalIgnoreCase);
            foreach (var record in records)
            {
                var id = Cell(record, PlanColumns.Id);
                if (id.Length > 0 && !keys.TryAdd(id, (id, record.Line)))
                    errors.Add(new RowError(record.Line, "duplicate_id", id, keys[id].Line));
            }
            return keys;
        }

        public ImportRow Read(CsvRecord record, Dictionary<string, (string Key, int Line)> keys)
        {
            var line = record.Line;
            void Error(string key, params object[] args) => errors.Add(new RowError(line, key, args));

            if (record.Fields.Count > headerWidth && record.Fields.Skip(headerWidth).Any(f => !string.IsNullOrWhiteSpace(f)))
                Error("extra_fields", record.Fields.Count, headerWidth, separator == '\t' ? "tab" : separator.ToString());
            var id = Cell(record, PlanColumns.Id);
            // A row without an id (or with one used before) cannot be referred to; its key only has to be unique.
            var key = id.Length > 0 && keys[id].Line == line ? keys[id].Key : "\u0001" + line.ToString(CultureInfo.InvariantCulture);

            var name = Text(record, PlanColumns.Name);
            if (name.Length == 0)
                Error("missing_name");
            else if (name.Length > WorkItem.MaxNameLength)
                Error("too_long", PlanColumns.Name, WorkItem.MaxNameLength);

            string? parentKey = null;
            var parent = Cell(record, PlanColumns.Parent);
            if (parent.Length > 0 && !keys.ContainsKey(parent))
                Error("unknown_parent", parent);
            else if (parent.Length > 0 && keys[parent].Key == key)
                Error("own_parent", parent);
            else if (parent.Length > 0)
                parentKey = keys[parent].Key;

            var days = 1;
            var daysText = Cell(record, PlanColumns.DurationDays);
            if (daysText.Length > 0)
            {
                if (Number(daysText, out var d) && d == decimal.Truncate(d) && d <= MaxDays)
                    days = (int)d;
                else
                    Error("bad_days", daysText, MaxDays);
            }

            return new ImportRow
            {
                Line = line,
                Key = key,
                Name = name,
                ParentKey = parentKey,
                DurationDays = days,
                Owner = Owner(Text(record, PlanColumns.Owner), Error),
                Predecessors = Predecessors(Cell(record, PlanColumns.Predecessors), key, keys, Error),
                StartNoEarlierThan = Date(record, PlanColumns.StartNoEarlierThan, Error),
                EffortHours = Amount(record, PlanColumns.EffortHours, Error),
                FixedCost = Amount(record, PlanColumns.FixedCost, Error),
                Deliverable = YesNo(record, PlanColumns.Deliverable, Error),
                Description = LongText(record, PlanColumns.Description, Error),
                AcceptanceCriteria = LongText(record, PlanColumns.AcceptanceCriteria, Error),
            };
        }

        private string Cell(CsvRecord record, string column) =>
            columns.TryGetValue(column, out var i) && i < record.Fields.Count ? record.Fields[i].Trim() : "";

        /// <summary>A text cell, without the apostrophe an export puts before text a spreadsheet would take for a formula.</summary>
        private string Text(CsvRecord record, string column) => PlanColumns.Unprotect(Cell(record, column));

        private string? LongText(CsvRecord record, string column, Action<string, object[]> error)
        {
            var text = Text(record, column);
            if (text.Length > MaxLongText)
                error("too_long", [column, MaxLongText]);
            return text.Length == 0 ? null : text;
        }

        /// <summary>A plain number with a decimal point; with a semicolon or tab separator a decimal comma too.</summary>
        private bool Number(string text, out decimal value)
        {
            if (separator != ',' && text.Count(c => c == ',') == 1 && !text.Contains('.', StringComparison.Ordinal))
                text = text.Replace(',', '.');
            return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        private decimal? Amount(CsvRecord record, string column, Action<string, object[]> error)
        {
            var text = Cell(record, column);
            if (text.Length == 0)
                return null;
            if (Number(text, out var value) && value <= 1_000_000_000m)
                return value;
            error("bad_number", [column, text]);
            return null;
        }

        private bool YesNo(CsvRecord record, string column, Action<string, object[]> error)
        {
            var text = Cell(record, column).ToLowerInvariant();
            switch (text)
            {
                case "yes" or "y" or "true" or "x" or "1" or "是":
                    return true;
                case "" or "no" or "n" or "false" or "0" or "否":
                    return false;
                default:
                    error("bad_yes_no", [column, Cell(record, column)]);
                    return false;
            }
        }

        private DateOnly? Date(CsvRecord record, string column, Action<string, object[]> error)
        {
            var text = Cell(record, column);
            if (text.Length == 0)
                return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            error("bad_date", [column, text]);
            return null;
        }

        private Member? Owner(string written, Action<string, object[]> error)
        {
            if (written.Length == 0)
                return null;
            IReadOnlyList<Member> matches = MentionRef.TryParse(written, out var mention) && mention.UserId is { } userId
                ? members.Where(m => m.ExternalUserId == userId).ToList()
                : MemberLookup.Matching(members, written.TrimStart('@').Trim('"', '“', '”'));
            if (matches.Count == 1)
                return matches[0];
            if (matches.Count == 0)
                error("unknown_owner", [written]);
            else
                error("ambiguous_owner", [written, string.Join(", ", matches.Select(m => m.DisplayName))]);
            return null;
        }

        /// <summary>"3FS+2, 4SS; 5": row ids, each with an optional type (FS when none) and lag in working days.</summary>
        private static IReadOnlyList<PredecessorRef> Predecessors(string text, string rowKey, Dictionary<string, (string Key, int Line)> keys, Action<string, object[]> error)
        {
            var result = new List<PredecessorRef>();
            foreach (var written in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Link(written, keys) is not { } link)
                    error("unknown_predecessor", [written]);
                else if (link.RowId == rowKey)
                    error("own_predecessor", [written]);
                else if (result.Any(r => r.RowId == link.RowId))
                    error("duplicate_predecessor", [link.RowId]);
                else
                    result.Add(link);
            }
            return result;
        }

        /// <summary>The longest row id the text starts with, followed by a valid type and lag.</summary>
        private static PredecessorRef? Link(string written, Dictionary<string, (string Key, int Line)> keys)
        {
            for (var length = written.Length; length > 0; length--)
            {
                if (!keys.TryGetValue(written[..length].TrimEnd(), out var row))
                    continue;
                var suffix = LinkSuffix().Match(string.Concat(written[length..].Where(c => !char.IsWhiteSpace(c))));
                if (!suffix.Success)
                    continue;
                var code = suffix.Groups["type"].Value.ToUpperInvariant();
                var type = code.Length == 0 ? DependencyType.FinishToStart : PlanColumns.LinkCodes.Single(c => c.Value == code).Key;
                var lag = suffix.Groups["lag"].Success ? int.Parse(suffix.Groups["lag"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
                return new PredecessorRef(row.Key, type, lag);
            }
            return null;
        }
    }
}

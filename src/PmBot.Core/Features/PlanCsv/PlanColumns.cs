using PmBot.Core.Planning;

namespace PmBot.Core.Features.PlanCsv;

/// <summary>The columns of a plan CSV (docs/csv.md): the ones <c>plan import</c> reads and the ones only exports write.</summary>
public static class PlanColumns
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Parent = "parent";
    public const string DurationDays = "duration_days";
    public const string EffortHours = "effort_hours";
    public const string FixedCost = "fixed_cost";
    public const string Owner = "owner";
    public const string Predecessors = "predecessors";
    public const string Deliverable = "deliverable";
    public const string Description = "description";
    public const string AcceptanceCriteria = "acceptance_criteria";
    public const string StartNoEarlierThan = "start_no_earlier_than";

    public const string Wbs = "wbs";
    public const string EarlyStart = "early_start";
    public const string EarlyFinish = "early_finish";
    public const string TotalFloat = "total_float";
    public const string Critical = "critical";
    public const string BaselineStart = "baseline_start";
    public const string BaselineFinish = "baseline_finish";
    public const string PercentComplete = "percent_complete";
    public const string ActualStart = "actual_start";
    public const string ActualFinish = "actual_finish";
    public const string Status = "status";
    public const string FinishSlipDays = "finish_slip_days";

    /// <summary>What <c>plan import</c> reads.</summary>
    public static readonly IReadOnlySet<string> Imported = new HashSet<string>(StringComparer.Ordinal)
    {
        Id, Name, Parent, DurationDays, EffortHours, FixedCost, Owner, Predecessors, Deliverable, Description, AcceptanceCriteria, StartNoEarlierThan,
    };

    /// <summary>What exports add and PmBot computes: an import skips them without calling them unknown.</summary>
    public static readonly IReadOnlySet<string> Computed = new HashSet<string>(StringComparer.Ordinal)
    {
        Wbs, EarlyStart, EarlyFinish, TotalFloat, Critical, BaselineStart, BaselineFinish, PercentComplete, ActualStart, ActualFinish, Status, FinishSlipDays,
    };

    /// <summary>How a predecessor's link type is written after its row id (<c>3SS</c>); FS when nothing is written.</summary>
    public static readonly IReadOnlyDictionary<DependencyType, string> LinkCodes = new Dictionary<DependencyType, string>
    {
        [DependencyType.FinishToStart] = "FS",
        [DependencyType.StartToStart] = "SS",
        [DependencyType.FinishToFinish] = "FF",
        [DependencyType.StartToFinish] = "SF",
    };

    /// <summary>A header as a column name: trimmed, lower case, spaces and dashes as underscores ("Duration Days" is duration_days).</summary>
    public static string Normalize(string header) =>
        header.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    /// <summary>
    /// Text a spreadsheet would run as a formula (it starts with =, +, -, @ or a tab) is written with a leading
    /// apostrophe, which <see cref="Unprotect"/> removes again on import.
    /// </summary>
    public static string Protect(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' ? "'" + text : text;

    public static string Unprotect(string text) =>
        text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' ? text[1..] : text;
}

using PmBot.Core.Domain;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.PlanCsv;

/// <summary>A predecessor as a CSV row names it: <c>3FS+2</c> is row 3, finish-to-start, lag 2 working days.</summary>
public sealed record PredecessorRef(string RowId, DependencyType Type, int LagDays);

/// <summary>One data row of a plan CSV, parsed (and, when its <see cref="ImportCheck"/> has no errors, valid).</summary>
public sealed class ImportRow
{
    /// <summary>The line the row starts on; the header is line 1.</summary>
    public required int Line { get; init; }

    /// <summary>The row's id as written, or a key made from its line when it has none (nothing can refer to it then).</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }
    public string? ParentKey { get; init; }
    public int DurationDays { get; init; } = 1;
    public Member? Owner { get; init; }
    public IReadOnlyList<PredecessorRef> Predecessors { get; init; } = [];
    public DateOnly? StartNoEarlierThan { get; init; }

    public decimal? EffortHours { get; init; }
    public decimal? FixedCost { get; init; }
    public bool Deliverable { get; init; }
    public string? Description { get; init; }
    public string? AcceptanceCriteria { get; init; }
}

/// <summary>What is wrong with a CSV line: a resource key under <c>csv.error.</c> and its arguments.</summary>
public sealed record RowError(int Line, string Key, params object[] Args);

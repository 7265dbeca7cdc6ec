using PmBot.Core.Domain;

namespace PmBot.Core.Features.PlanCsv;

/// <summary>
/// A plan CSV as <see cref="PlanImport.Check"/> understood it: its rows in file order, every problem with its line,
/// and the columns it did not import. Only a check without errors may be built into work items.
/// </summary>
public sealed class ImportCheck
{
    public required IReadOnlyList<ImportRow> Rows { get; init; }

    /// <summary>Every problem, by line.</summary>
    public required IReadOnlyList<RowError> Errors { get; init; }

    /// <summary>Header cells that name no column PmBot knows (as written).</summary>
    public IReadOnlyList<string> UnknownColumns { get; init; } = [];

    /// <summary>Columns an export writes that PmBot computes (dates, float, progress): read as nothing.</summary>
    public IReadOnlyList<string> ComputedColumns { get; init; } = [];

    /// <summary>How deep the tree is: 1 when no row has a parent.</summary>
    public int Levels { get; init; }

    public bool IsValid => Errors.Count == 0;

    public int LinkCount => Rows.Sum(r => r.Predecessors.Count);

    /// <summary>
    /// The work items (numbered from <paramref name="firstNumber"/> in file order, so children keep their order) and the
    /// links between them.
    /// </summary>
    public (IReadOnlyList<WorkItem> Items, IReadOnlyList<WorkItemLink> Links) Build(Guid projectId, int firstNumber, DateTimeOffset now)
    {
        if (!IsValid)
            throw new InvalidOperationException("A CSV with errors cannot be imported.");
        var byKey = new Dictionary<string, WorkItem>(StringComparer.Ordinal);
        var items = new List<WorkItem>(Rows.Count);
        foreach (var row in Rows)
        {
            var item = new WorkItem
            {
                ProjectId = projectId,
                Number = firstNumber + items.Count,
                Name = row.Name,
                DurationDays = row.DurationDays,
                OwnerMemberId = row.Owner?.Id,
                StartNoEarlierThan = row.StartNoEarlierThan,
                EffortHours = row.EffortHours,
                FixedCost = row.FixedCost ?? 0,
                IsDeliverable = row.Deliverable,
                Description = row.Description,
                AcceptanceCriteria = row.AcceptanceCriteria,
                CreatedAt = now,
            };
            byKey.Add(row.Key, item);
            items.Add(item);
        }
        foreach (var row in Rows)
        {
            if (row.ParentKey is { } parent)
                byKey[row.Key].ParentId = byKey[parent].Id;
        }
        var links = Rows.SelectMany(row => row.Predecessors.Select(p => new WorkItemLink
        {
            ProjectId = projectId,
            PredecessorId = byKey[p.RowId].Id,
            SuccessorId = byKey[row.Key].Id,
            Type = p.Type,
            LagDays = p.LagDays,
        })).ToList();
        return (items, links);
    }
}

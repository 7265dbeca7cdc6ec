namespace PmBot.Core.Domain;

public enum ResourceStatus
{
    Requested,
    Ordered,
    Delivered,
}

/// <summary>Why a resource is late (flags).</summary>
[Flags]
public enum ResourceLateness
{
    None = 0,

    /// <summary>Not delivered, and the day it is due (its needed-by date or its item's start, the earlier) has passed.</summary>
    Overdue = 1,

    /// <summary>Not delivered, and the supplier's expected delivery is after the day it is due.</summary>
    ArrivesTooLate = 2,

    /// <summary>Not delivered, and needed by a date after its work item is scheduled to start: the item would wait for it.</summary>
    NeededAfterItemStarts = 4,
}

/// <summary>
/// A non-human resource of a project (equipment or material): quantity, unit cost, when it is needed, who supplies it
/// and how far its delivery is; optionally attached to one work item. Addressed in chat as <c>R{Number}</c>.
/// </summary>
public sealed class ProjectResource
{
    public const int MaxNameLength = 200;
    public const int MaxSupplierLength = 200;

    public Guid Id { get; init; } = NewId.Next();
    public required Guid ProjectId { get; init; }

    /// <summary>Unique within the project, never reused: the 3 in <c>R3</c>.</summary>
    public required int Number { get; init; }

    public required string Name { get; set; }
    public decimal Quantity { get; set; } = 1;

    /// <summary>Cost of one unit, when known.</summary>
    public decimal? UnitCost { get; set; }

    public DateOnly? NeededBy { get; set; }
    public string? Supplier { get; set; }
    public ResourceStatus Status { get; set; } = ResourceStatus.Requested;

    /// <summary>When the supplier expects to deliver (<c>eta</c>), while not delivered.</summary>
    public DateOnly? ExpectedDelivery { get; set; }

    public DateOnly? DeliveredOn { get; set; }

    /// <summary>The work item that needs it, if any.</summary>
    public Guid? WorkItemId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public string ShortId => $"R{Number}";

    /// <summary>Quantity × unit cost; null while the unit cost is unknown.</summary>
    public decimal? Cost => UnitCost * Quantity;

    /// <summary>Records a delivery step; delivered clears the expected date and remembers the day.</summary>
    public void MoveTo(ResourceStatus status, DateOnly? expected, DateOnly today)
    {
        Status = status;
        if (status == ResourceStatus.Delivered)
        {
            ExpectedDelivery = null;
            DeliveredOn = today;
            return;
        }
        DeliveredOn = null;
        if (expected is not null)
            ExpectedDelivery = expected;
    }

    /// <summary>
    /// Whether it is late on <paramref name="today"/>, given its item's scheduled start (null when it has no item or
    /// the item is not scheduled). It is due by the earlier of its needed-by date and that start; once delivered
    /// nothing waits for it.
    /// </summary>
    public ResourceLateness Lateness(DateOnly today, DateOnly? itemStart)
    {
        if (Status == ResourceStatus.Delivered)
            return ResourceLateness.None;
        var late = ResourceLateness.None;
        if (NeededBy is { } needed && itemStart is { } start && needed > start)
            late |= ResourceLateness.NeededAfterItemStarts;
        var due = DueDate(itemStart);
        if (due < today)
            late |= ResourceLateness.Overdue;
        if (due is { } d && ExpectedDelivery is { } eta && eta > d)
            late |= ResourceLateness.ArrivesTooLate;
        return late;
    }

    /// <summary>The day it must be there: the earlier of its needed-by date and its item's start (null when neither is known).</summary>
    public DateOnly? DueDate(DateOnly? itemStart) =>
        NeededBy is { } needed && itemStart is { } start ? (needed < start ? needed : start) : NeededBy ?? itemStart;

    /// <summary>Material cost per work item: the sum of quantity × unit cost of the resources attached to it.</summary>
    public static IReadOnlyDictionary<Guid, decimal> CostPerWorkItem(IEnumerable<ProjectResource> resources) =>
        resources.Where(r => r.WorkItemId is not null && r.Cost is not null)
            .GroupBy(r => r.WorkItemId!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Cost!.Value));
}

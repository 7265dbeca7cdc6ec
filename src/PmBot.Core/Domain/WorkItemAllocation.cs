namespace PmBot.Core.Domain;

/// <summary>
/// A person's share of their time on one work item (<c>task assign</c>). The item's owner counts as 100% when
/// they have no allocation row of their own on it.
/// </summary>
public sealed class WorkItemAllocation
{
    public required Guid ProjectId { get; init; }
    public required Guid WorkItemId { get; init; }
    public required Guid MemberId { get; init; }

    /// <summary>1-100: the share of the member's capacity the item takes while it runs.</summary>
    public required int Percent { get; set; }

    /// <summary>
    /// Who works on the item and with which share: the explicit allocations, plus the owner at 100% unless they have
    /// one of their own.
    /// </summary>
    public static IReadOnlyList<(Guid MemberId, int Percent)> Of(WorkItem item, IEnumerable<WorkItemAllocation> allocations)
    {
        var result = allocations.Where(a => a.WorkItemId == item.Id).Select(a => (a.MemberId, a.Percent)).ToList();
        if (item.OwnerMemberId is { } owner && result.All(a => a.MemberId != owner))
            result.Insert(0, (owner, 100));
        return result;
    }
}

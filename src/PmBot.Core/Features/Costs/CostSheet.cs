using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;

namespace PmBot.Core.Features.Costs;

/// <summary>
/// Planned and actual effort and cost of one work item, or of a branch (the sum of the tasks under it, plus costs
/// recorded on the branch itself).
/// </summary>
/// <param name="EffortHours">Planned effort.</param>
/// <param name="PlannedLabour">Planned effort × the owner's current hourly rate.</param>
/// <param name="FixedCost">Planned cost that does not come from effort.</param>
/// <param name="HoursLogged">Hours logged.</param>
/// <param name="LabourCost">Cost of the hours logged, at the rates frozen on the entries.</param>
/// <param name="OtherCost">Cost entries recorded on the item (or branch).</param>
/// <param name="RemainingHours">Hours still needed (<see cref="WorkItem.RemainingHoursAfter"/>), null when nobody estimated any.</param>
public sealed record ItemCosts(
    decimal EffortHours,
    decimal PlannedLabour,
    decimal FixedCost,
    decimal HoursLogged,
    decimal LabourCost,
    decimal OtherCost,
    decimal? RemainingHours)
{
    public static ItemCosts Zero { get; } = new(0, 0, 0, 0, 0, 0, null);

    /// <summary>Planned effort × rate + fixed cost.</summary>
    public decimal PlannedCost => PlannedLabour + FixedCost;

    /// <summary>Cost of the hours logged + cost entries.</summary>
    public decimal ActualCost => LabourCost + OtherCost;

    public ItemCosts Plus(ItemCosts other) => new(
        EffortHours + other.EffortHours,
        PlannedLabour + other.PlannedLabour,
        FixedCost + other.FixedCost,
        HoursLogged + other.HoursLogged,
        LabourCost + other.LabourCost,
        OtherCost + other.OtherCost,
        RemainingHours is null && other.RemainingHours is null ? null : (RemainingHours ?? 0) + (other.RemainingHours ?? 0));
}

/// <summary>
/// The planned and actual cost of every item of a project's WBS as loaded (pure: no store). A task's planned cost is its
/// effort × its owner's hourly rate now + its fixed cost; a parent's is the sum of its tasks (its own effort and fixed cost
/// do not count: PmBot refuses them on parents). Costs recorded on a parent count in its branch; costs on no item only in
/// the project.
/// </summary>
public sealed class CostSheet
{
    private readonly ILookup<Guid?, WorkItem> _children;
    private readonly IReadOnlyDictionary<Guid, decimal> _rates;
    private readonly Dictionary<Guid, (decimal Hours, decimal Cost)> _logged = [];
    private readonly Dictionary<Guid, decimal> _costs = [];
    private readonly Dictionary<Guid, ItemCosts> _memo = [];
    private readonly decimal _unassigned;

    /// <param name="wbs">The project's items.</param>
    /// <param name="rates">Hourly rate per member id (members without a rate may be left out).</param>
    /// <param name="timeEntries">The project's time entries.</param>
    /// <param name="costEntries">The project's cost entries.</param>
    public CostSheet(Wbs wbs, IReadOnlyDictionary<Guid, decimal> rates, IEnumerable<TimeEntry> timeEntries, IEnumerable<CostEntry> costEntries)
    {
        _children = wbs.Items.ToLookup(i => i.ParentId);
        _rates = rates;
        foreach (var entry in timeEntries)
        {
            var (hours, cost) = _logged.GetValueOrDefault(entry.WorkItemId);
            _logged[entry.WorkItemId] = (hours + entry.Hours, cost + entry.Cost);
        }
        foreach (var entry in costEntries)
        {
            if (entry.WorkItemId is { } id)
                _costs[id] = _costs.GetValueOrDefault(id) + entry.Amount;
            else
                _unassigned += entry.Amount;
        }
    }

    /// <summary>Rates by member id from a member list (members without a rate left out).</summary>
    public static Dictionary<Guid, decimal> RatesOf(IEnumerable<Member> members) =>
        members.Where(m => m.HourlyRate is not null).ToDictionary(m => m.Id, m => m.HourlyRate!.Value);

    /// <summary>A task's planned cost at <paramref name="rate"/>: effort × rate (to cents) + fixed cost.</summary>
    public static decimal PlannedCostOf(WorkItem item, decimal rate) => PlannedLabourOf(item, rate) + item.FixedCost;

    /// <summary>A task's planned labour at <paramref name="rate"/>: effort × rate, to cents.</summary>
    public static decimal PlannedLabourOf(WorkItem item, decimal rate) => TimeEntry.CostOf(item.EffortHours ?? 0, rate);

    /// <summary>The owner's current hourly rate (0 without an owner or a rate).</summary>
    public decimal RateOf(WorkItem item) => RateOf(item, _rates);

    /// <summary>The owner's hourly rate in <paramref name="rates"/> (<see cref="RatesOf"/>); 0 without an owner or a rate.</summary>
    public static decimal RateOf(WorkItem item, IReadOnlyDictionary<Guid, decimal> rates) =>
        item.OwnerMemberId is { } owner ? rates.GetValueOrDefault(owner) : 0;

    /// <summary>Costs recorded on no work item.</summary>
    public decimal Unassigned => _unassigned;

    /// <summary>The item's figures; for a parent, the sum of its branch.</summary>
    public ItemCosts Of(WorkItem item)
    {
        if (_memo.TryGetValue(item.Id, out var known))
            return known;
        var (hours, labour) = _logged.GetValueOrDefault(item.Id);
        var own = _costs.GetValueOrDefault(item.Id);
        ItemCosts result;
        if (_children.Contains(item.Id))
        {
            result = new ItemCosts(0, 0, 0, hours, labour, own, null);
            foreach (var child in _children[item.Id])
                result = result.Plus(Of(child));
        }
        else
        {
            result = new ItemCosts(item.EffortHours ?? 0, PlannedLabourOf(item, RateOf(item)), item.FixedCost, hours, labour, own, item.RemainingHoursAfter(hours));
        }
        _memo[item.Id] = result;
        return result;
    }

    /// <summary>The whole project: every top-level branch plus the costs on no item.</summary>
    public ItemCosts Project()
    {
        var total = ItemCosts.Zero with { OtherCost = _unassigned };
        foreach (var top in _children[null])
            total = total.Plus(Of(top));
        return total;
    }
}

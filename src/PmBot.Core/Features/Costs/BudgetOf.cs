using System.Runtime.InteropServices;
using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Planning;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Costs;

/// <summary>A stored project's budget at a status date, with what the WBS plans (for <c>budget show</c>, alerts and digests).</summary>
/// <param name="Report">Per category and in total (<see cref="BudgetStatus"/>).</param>
/// <param name="PlannedLabour">The WBS's planned effort × the owners' current rates.</param>
/// <param name="PlannedFixed">The WBS's planned fixed costs.</param>
/// <param name="UnratedHours">Planned hours of tasks whose owner has no rate (or that have no owner): they cost nothing in the plan.</param>
public sealed record ProjectBudget(BudgetReport Report, decimal PlannedLabour, decimal PlannedFixed, decimal UnratedHours)
{
    public decimal PlannedByWbs => PlannedLabour + PlannedFixed;
}

/// <summary>
/// Loads a project's budget lines, entries, items, links and members (six queries, whatever the project's size) and
/// computes its <see cref="ProjectBudget"/>.
/// </summary>
/// <remarks>
/// Spending: every time entry is <see cref="CostCategories.Labour"/> at its frozen cost; every cost entry is in its own
/// category. Labour's estimate to complete is the remaining hours of every open task × its owner's rate now, so its
/// forecast is bottom-up; other categories are forecast from their line and burn rate until the schedule's forecast finish.
/// </remarks>
public static class BudgetOf
{
    public static async Task<ProjectBudget> ProjectAsync(IPmStore store, Project project, DateOnly statusDate, DateOnly today, CancellationToken cancellationToken)
    {
        var lines = await store.ListBudgetLinesAsync(project.Id, cancellationToken);
        var timeEntries = await store.ListTimeEntriesAsync(project.Id, cancellationToken);
        var costEntries = await store.ListCostEntriesAsync(project.Id, cancellationToken);
        var wbs = new Wbs(project, await store.ListWorkItemsAsync(project.Id, cancellationToken));
        var links = await store.ListWorkItemLinksAsync(project.Id, cancellationToken);
        var members = await store.ListMembersAsync(project.WorkspaceId, cancellationToken);
        return Compute(wbs, CostSheet.RatesOf(members), lines, timeEntries, costEntries, ScheduleOf.Compute(wbs, links, today), statusDate);
    }

    /// <summary>The same from loaded rows (pure).</summary>
    public static ProjectBudget Compute(
        Wbs wbs,
        IReadOnlyDictionary<Guid, decimal> rates,
        IReadOnlyList<BudgetLine> lines,
        IReadOnlyList<TimeEntry> timeEntries,
        IReadOnlyList<CostEntry> costEntries,
        ScheduleResult? schedule,
        DateOnly statusDate)
    {
        // Per task what CostSheet.Of gives a leaf, without its per-item records: a budget of 10,000 tasks is in every digest.
        var logged = new Dictionary<Guid, decimal>();
        foreach (var entry in timeEntries)
        {
            if (entry.Date <= statusDate)
                CollectionsMarshal.GetValueRefOrAddDefault(logged, entry.WorkItemId, out _) += entry.Hours;
        }
        decimal plannedLabour = 0, plannedFixed = 0, unrated = 0, labourToComplete = 0;
        foreach (var item in wbs.Items)
        {
            if (wbs.HasChildren(item))
                continue;
            var rate = CostSheet.RateOf(item, rates);
            var effort = item.EffortHours ?? 0;
            plannedLabour += CostSheet.PlannedLabourOf(item, rate);
            plannedFixed += item.FixedCost;
            if (rate == 0)
                unrated += effort;
            labourToComplete += TimeEntry.CostOf(item.RemainingHoursAfter(logged.GetValueOrDefault(item.Id)) ?? 0, rate);
        }
        var spending = timeEntries.Select(e => new Spend(CostCategories.Labour, e.Date, e.Cost))
            .Concat(costEntries.Select(e => new Spend(e.Category, e.Date, e.Amount)))
            .ToList();
        var input = new BudgetInput(statusDate, lines.Select(l => new BudgetLineInput(l.Category, l.Amount, l.AlertPercent)).ToList(), spending)
        {
            ProjectStart = wbs.Project.PlannedStart ?? schedule?.ProjectStart,
            ForecastFinish = schedule?.ProjectFinish,
            EstimateToComplete = new Dictionary<string, decimal> { [CostCategories.Labour] = labourToComplete },
        };
        return new ProjectBudget(BudgetStatus.Compute(input), plannedLabour, plannedFixed, unrated);
    }
}

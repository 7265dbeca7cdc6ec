using PmBot.Core.Domain;
using PmBot.Core.Features.Costs;
using PmBot.Core.Features.Plan;

namespace PmBot.Core.Tests.Features.Costs;

public class CostSheetTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly Guid Bob = Guid.NewGuid();
    private static readonly Guid Wei = Guid.NewGuid();
    private static readonly Guid Carla = Guid.NewGuid();

    // 1   Backend (parent; a cost of 50 on it)
    // 1.1 API    effort 40h, owner Bob (85/h), fixed 1,200 → planned 3,400 + 1,200 = 4,600; 12h logged (1,020); licence 300
    // 1.2 DB     effort 16.5h, owner Wei (60/h)          → planned 990; nothing logged; remaining given: 10h
    // 2   Docs   effort 8h, owner Carla (no rate)        → planned 0; 3h logged at rate 0; done
    // On no task: 75.
    private static (Wbs Wbs, CostSheet Sheet, WorkItem[] Items) Example()
    {
        var project = new Project { WorkspaceId = Guid.NewGuid(), Key = "APOLLO", Name = "Apollo", PmMemberId = Bob };
        var backend = new WorkItem { ProjectId = project.Id, Number = 1, Name = "Backend" };
        var api = new WorkItem { ProjectId = project.Id, Number = 2, Name = "API", ParentId = backend.Id, EffortHours = 40, OwnerMemberId = Bob, FixedCost = 1200 };
        var db = new WorkItem { ProjectId = project.Id, Number = 3, Name = "DB", ParentId = backend.Id, EffortHours = 16.5m, OwnerMemberId = Wei, RemainingHours = 10 };
        var docs = new WorkItem { ProjectId = project.Id, Number = 4, Name = "Docs", EffortHours = 8, OwnerMemberId = Carla };
        docs.ReportProgress(100, Day);
        var wbs = new Wbs(project, [backend, api, db, docs]);
        TimeEntry Hours(WorkItem item, decimal hours, decimal rate) =>
            new() { ProjectId = project.Id, WorkItemId = item.Id, MemberId = Bob, Date = Day, Hours = hours, Rate = rate, Cost = TimeEntry.CostOf(hours, rate) };
        CostEntry Cost(WorkItem? item, decimal amount) =>
            new() { ProjectId = project.Id, WorkItemId = item?.Id, Date = Day, Amount = amount, Description = "x", Category = "other", RecordedByMemberId = Bob };
        var sheet = new CostSheet(wbs, new Dictionary<Guid, decimal> { [Bob] = 85, [Wei] = 60 },
            [Hours(api, 8, 85), Hours(api, 4, 85), Hours(docs, 3, 0)],
            [Cost(api, 300), Cost(backend, 50), Cost(null, 75)]);
        return (wbs, sheet, [backend, api, db, docs]);
    }

    [Fact]
    public void Of_Task_PlannedIsEffortTimesOwnersRatePlusFixed()
    {
        var (_, sheet, items) = Example();

        var api = sheet.Of(items[1]);

        Assert.Equal((40m, 3400m, 1200m, 4600m), (api.EffortHours, api.PlannedLabour, api.FixedCost, api.PlannedCost));
        Assert.Equal((12m, 1020m, 300m, 1320m), (api.HoursLogged, api.LabourCost, api.OtherCost, api.ActualCost));
        Assert.Equal(28m, api.RemainingHours); // not given: 40 planned - 12 logged
    }

    [Fact]
    public void Of_Task_GivenRemainingWinsOverTheDerivedOne()
    {
        var (_, sheet, items) = Example();

        var db = sheet.Of(items[2]);

        Assert.Equal(990m, db.PlannedCost); // 16.5 × 60
        Assert.Equal(10m, db.RemainingHours);
    }

    [Fact]
    public void Of_DoneTaskOfAnOwnerWithoutRate_CostsNothingAndHasNothingLeft()
    {
        var (_, sheet, items) = Example();

        var docs = sheet.Of(items[3]);

        Assert.Equal((0m, 3m, 0m, 0m), (docs.PlannedCost, docs.HoursLogged, docs.ActualCost, docs.RemainingHours!.Value));
    }

    [Fact]
    public void Of_Parent_SumsItsTasksAndItsOwnCosts()
    {
        var (_, sheet, items) = Example();

        var backend = sheet.Of(items[0]);

        Assert.Equal((56.5m, 5590m, 12m, 1370m, 38m), (backend.EffortHours, backend.PlannedCost, backend.HoursLogged, backend.ActualCost, backend.RemainingHours!.Value));
    }

    [Fact]
    public void Project_AddsCostsOnNoTask()
    {
        var (_, sheet, _) = Example();

        var total = sheet.Project();

        Assert.Equal((5590m, 1445m, 38m), (total.PlannedCost, total.ActualCost, total.RemainingHours!.Value));
        Assert.Equal(75m, sheet.Unassigned);
    }

    [Theory]
    [InlineData(3, 85, 255)]
    [InlineData(0.33, 85, 28.05)]
    [InlineData(2.5, 33.33, 83.33)] // 83.325 rounds away from zero
    [InlineData(1, 0, 0)]
    public void CostOf_HoursAndRate_RoundsToCents(double hours, double rate, double cost)
    {
        Assert.Equal((decimal)cost, TimeEntry.CostOf((decimal)hours, (decimal)rate));
    }

    [Theory]
    [InlineData("Labour", "labour")]
    [InlineData(" LABOR ", "labour")]
    [InlineData("人工", "labour")]
    [InlineData("Hardware", "hardware")]
    [InlineData("其他", "other")]
    [InlineData(null, "other")]
    [InlineData("  ", "other")]
    public void Normalize_Category_IsLowerCaseWithAliases(string? typed, string expected)
    {
        Assert.Equal(expected, CostCategories.Normalize(typed));
    }
}

using PmBot.Core.Domain;

namespace PmBot.Core.Tests.Domain;

public class ProjectResourceTests
{
    private static readonly DateOnly Today = new(2027, 1, 20);

    private static ProjectResource Crane(DateOnly? neededBy = null, DateOnly? eta = null, ResourceStatus status = ResourceStatus.Ordered) => new()
    {
        ProjectId = Guid.NewGuid(),
        Number = 1,
        Name = "Crane",
        NeededBy = neededBy,
        ExpectedDelivery = eta,
        Status = status,
    };

    [Fact]
    public void Lateness_NeededByPassedAndNotDelivered_IsOverdue()
    {
        Assert.Equal(ResourceLateness.Overdue, Crane(neededBy: new(2027, 1, 19)).Lateness(Today, itemStart: null));
    }

    [Fact]
    public void Lateness_NeededToday_IsNotYetOverdue()
    {
        Assert.Equal(ResourceLateness.None, Crane(neededBy: Today).Lateness(Today, itemStart: null));
    }

    [Fact]
    public void Lateness_ExpectedAfterNeededBy_ArrivesTooLate()
    {
        Assert.Equal(ResourceLateness.ArrivesTooLate, Crane(neededBy: new(2027, 2, 1), eta: new(2027, 2, 3)).Lateness(Today, itemStart: null));
    }

    [Fact]
    public void Lateness_NeededAfterItsItemStarts_IsFlaggedAndDueAtTheStart()
    {
        // Needed by 1 February but its task starts 25 January; the supplier's 28 January is after that start.
        var crane = Crane(neededBy: new(2027, 2, 1), eta: new(2027, 1, 28));

        Assert.Equal(ResourceLateness.NeededAfterItemStarts | ResourceLateness.ArrivesTooLate, crane.Lateness(Today, itemStart: new(2027, 1, 25)));
        Assert.Equal(new DateOnly(2027, 1, 25), crane.DueDate(new(2027, 1, 25)));
    }

    [Fact]
    public void Lateness_ItemAlreadyStartedWithoutNeededBy_IsOverdue()
    {
        Assert.Equal(ResourceLateness.Overdue, Crane().Lateness(Today, itemStart: new(2027, 1, 18)));
    }

    [Fact]
    public void Lateness_Delivered_IsNeverLate()
    {
        var crane = Crane(neededBy: new(2027, 1, 10));

        crane.MoveTo(ResourceStatus.Delivered, expected: null, Today);

        Assert.Equal(ResourceLateness.None, crane.Lateness(Today, itemStart: new(2027, 1, 4)));
        Assert.Equal((Today, (DateOnly?)null), (crane.DeliveredOn!.Value, crane.ExpectedDelivery));
    }

    [Fact]
    public void MoveTo_OrderedWithoutEta_KeepsTheEarlierEta()
    {
        var crane = Crane(eta: new(2027, 1, 28), status: ResourceStatus.Requested);

        crane.MoveTo(ResourceStatus.Ordered, expected: null, Today);

        Assert.Equal(new DateOnly(2027, 1, 28), crane.ExpectedDelivery);
    }

    [Fact]
    public void CostPerWorkItem_SumsQuantityTimesUnitCostOfAttachedResources()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        ProjectResource R(Guid? item, decimal qty, decimal? unit) => new() { ProjectId = Guid.Empty, Number = 1, Name = "x", WorkItemId = item, Quantity = qty, UnitCost = unit };

        var costs = ProjectResource.CostPerWorkItem([R(a, 2, 500), R(a, 12.5m, 8), R(b, 3, null), R(null, 1, 1000)]);

        Assert.Equal(1100m, costs[a]);
        Assert.False(costs.ContainsKey(b)); // no unit cost yet
        Assert.Single(costs);
    }
}

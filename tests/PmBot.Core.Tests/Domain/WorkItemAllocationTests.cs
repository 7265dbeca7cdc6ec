using PmBot.Core.Domain;
using PmBot.Core.Features.Members;

namespace PmBot.Core.Tests.Domain;

public class WorkItemAllocationTests
{
    private static readonly Guid Bob = Guid.NewGuid();
    private static readonly Guid Carla = Guid.NewGuid();

    private static WorkItem Item(Guid? owner) => new() { ProjectId = Guid.Empty, Number = 1, Name = "Build", OwnerMemberId = owner };

    private static WorkItemAllocation Share(WorkItem item, Guid member, int percent) =>
        new() { ProjectId = Guid.Empty, WorkItemId = item.Id, MemberId = member, Percent = percent };

    [Fact]
    public void Of_OwnerWithoutAllocation_CountsAHundredPercent()
    {
        var item = Item(Bob);

        Assert.Equal([(Bob, 100), (Carla, 50)], WorkItemAllocation.Of(item, [Share(item, Carla, 50)]));
    }

    [Fact]
    public void Of_OwnerWithOwnAllocation_CountsThatShare()
    {
        var item = Item(Bob);

        Assert.Equal([(Bob, 30)], WorkItemAllocation.Of(item, [Share(item, Bob, 30), Share(Item(null), Carla, 100)]));
    }

    [Fact]
    public void Of_NoOwnerNoAllocation_IsNobody()
    {
        Assert.Empty(WorkItemAllocation.Of(Item(null), []));
    }

    [Theory]
    [InlineData("32h", 32)]
    [InlineData("32", 32)]
    [InlineData("37.5 h", 37.5)]
    [InlineData("20小时", 20)]
    [InlineData("168H", 168)]
    [InlineData("5d", 40)]
    [InlineData("37h30m", 37.5)]
    public void TryParseHours_HoursWithOrWithoutUnit_AreAccepted(string text, double expected)
    {
        Assert.True(SetCapacity.TryParseHours(text, out var hours));
        Assert.Equal((decimal)expected, hours);
    }

    [Theory]
    [InlineData("0h")]
    [InlineData("169")]
    [InlineData("-5h")]
    [InlineData("lots")]
    [InlineData("h")]
    public void TryParseHours_ZeroTooManyOrNotANumber_IsRefused(string text)
    {
        Assert.False(SetCapacity.TryParseHours(text, out _));
    }
}

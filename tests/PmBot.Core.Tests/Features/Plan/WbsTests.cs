using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Features.Plan;

public class WbsTests
{
    [Fact]
    public void InOutlineOrder_NumbersNotInTreeOrder_SortedByOutlineCode()
    {
        var project = new Project { WorkspaceId = Guid.NewGuid(), Key = "APOLLO", Name = "Apollo", PmMemberId = Guid.NewGuid() };
        WorkItem Item(int number, WorkItem? parent = null) => new() { ProjectId = project.Id, Number = number, Name = "Item " + number, ParentId = parent?.Id };
        var second = Item(1);
        var first = Item(20);
        // Twelve children of the second root (1.10 comes after 1.9), one of them with children of its own.
        var children = Enumerable.Range(2, 12).Select(n => Item(n, second)).ToList();
        var grandchildren = new[] { Item(30, children[10]), Item(14, children[10]) };
        var lone = Item(25, first);
        var items = new List<WorkItem> { lone, first, second };
        items.AddRange(grandchildren);
        items.AddRange(children);
        var wbs = new Wbs(project, items);

        var expected = items.OrderBy(i => wbs.Outline[i.Id], OutlineCode.Comparer).ToList();

        Assert.Equal(expected, wbs.InOutlineOrder);
        Assert.Equal("1.11.1", wbs.Outline[grandchildren[1].Id]);
    }
}

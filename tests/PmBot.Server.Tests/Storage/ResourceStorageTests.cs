using Microsoft.Extensions.DependencyInjection;
using PmBot.Core.Domain;
using PmBot.Core.Planning;
using PmBot.Core.Ports;
using PmBot.Server.Tests.Infrastructure;

namespace PmBot.Server.Tests.Storage;

/// <summary>Capacities, shares, non-human resources, milestones and date constraints survive a round trip on both stores.</summary>
public sealed class ResourceStorageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task SaveAndReload_ResourcesSlice_ComesBackAsStored(Store kind)
    {
        await using var app = await PmBotApp.StartAsync(kind);
        var workspace = new Workspace { Channel = ChannelKind.Slack, ExternalId = "T-" + Guid.NewGuid().ToString("N")[..8], Name = "Test", CreatedAt = T0 };
        var bob = new Member { WorkspaceId = workspace.Id, ExternalUserId = "U-BOB", DisplayName = "Bob", CapacityHoursPerWeek = 37.5m, CreatedAt = T0 };
        var carla = new Member { WorkspaceId = workspace.Id, ExternalUserId = "U-CARLA", DisplayName = "Carla", CreatedAt = T0 };
        var project = new Project { WorkspaceId = workspace.Id, Key = "ZEUS", Name = "Zeus", PmMemberId = bob.Id, CreatedAt = T0 };
        var task = new WorkItem { ProjectId = project.Id, Number = 1, Name = "Build", DurationDays = 5, OwnerMemberId = bob.Id, CreatedAt = T0 };
        task.Constrain(new ActivityConstraint(ConstraintKind.StartNoEarlierThan, new DateOnly(2027, 1, 11)));
        var beta = new WorkItem { ProjectId = project.Id, Number = 2, Name = "Beta", IsMilestone = true, TargetDate = new DateOnly(2027, 2, 15), CreatedAt = T0 };
        var share = new WorkItemAllocation { ProjectId = project.Id, WorkItemId = task.Id, MemberId = carla.Id, Percent = 50 };
        var crane = new ProjectResource
        {
            ProjectId = project.Id,
            Number = 1,
            Name = "Crane",
            Quantity = 12.5m,
            UnitCost = 1234.56m,
            NeededBy = new DateOnly(2027, 2, 1),
            Supplier = "ACME",
            WorkItemId = task.Id,
            CreatedAt = T0,
        };
        crane.MoveTo(ResourceStatus.Ordered, new DateOnly(2027, 1, 28), new DateOnly(2026, 11, 23));
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
            foreach (var entity in new object[] { workspace, bob, carla, project, task, beta, share, crane })
                store.Add(entity);
            await store.SaveChangesAsync(CancellationToken.None);
        }

        using var read = app.Services.CreateScope();
        var reader = read.ServiceProvider.GetRequiredService<IPmStore>();
        Assert.Equal(37.5m, (await reader.GetMemberAsync(bob.Id, CancellationToken.None))!.CapacityHoursPerWeek);
        Assert.Equal(Member.DefaultCapacityHours, (await reader.GetMemberAsync(carla.Id, CancellationToken.None))!.CapacityHoursPerWeek);
        var items = await reader.ListWorkItemsAsync(project.Id, CancellationToken.None);
        Assert.Equal(new ActivityConstraint(ConstraintKind.StartNoEarlierThan, new DateOnly(2027, 1, 11)), items[0].ScheduleConstraint);
        Assert.Equal((false, (DateOnly?)null), (items[0].IsMilestone, items[0].TargetDate));
        Assert.Equal((true, (DateOnly?)new DateOnly(2027, 2, 15), (ActivityConstraint?)null), (items[1].IsMilestone, items[1].TargetDate, items[1].ScheduleConstraint));
        var allocation = Assert.Single(await reader.ListAllocationsAsync(project.Id, CancellationToken.None));
        Assert.Equal((task.Id, carla.Id, 50), (allocation.WorkItemId, allocation.MemberId, allocation.Percent));
        var stored = Assert.Single(await reader.ListResourcesAsync(project.Id, CancellationToken.None));
        Assert.Equal(
            ("R1", "Crane", 12.5m, (decimal?)1234.56m, (DateOnly?)new DateOnly(2027, 2, 1), "ACME", ResourceStatus.Ordered, (DateOnly?)new DateOnly(2027, 1, 28), (Guid?)task.Id),
            (stored.ShortId, stored.Name, stored.Quantity, stored.UnitCost, stored.NeededBy, stored.Supplier, stored.Status, stored.ExpectedDelivery, stored.WorkItemId));
        Assert.Equal(15432m, stored.Cost);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task DeleteWorkItem_WithShareAndResource_RemovesTheShareAndKeepsTheResource(Store kind)
    {
        await using var app = await PmBotApp.StartAsync(kind);
        var workspace = new Workspace { Channel = ChannelKind.Slack, ExternalId = "T-" + Guid.NewGuid().ToString("N")[..8], Name = "Test", CreatedAt = T0 };
        var bob = new Member { WorkspaceId = workspace.Id, ExternalUserId = "U-BOB", DisplayName = "Bob", CreatedAt = T0 };
        var project = new Project { WorkspaceId = workspace.Id, Key = "ZEUS", Name = "Zeus", PmMemberId = bob.Id, CreatedAt = T0 };
        var task = new WorkItem { ProjectId = project.Id, Number = 1, Name = "Build", DurationDays = 5, CreatedAt = T0 };
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
            foreach (var entity in new object[] { workspace, bob, project, task })
                store.Add(entity);
            store.Add(new WorkItemAllocation { ProjectId = project.Id, WorkItemId = task.Id, MemberId = bob.Id, Percent = 100 });
            store.Add(new ProjectResource { ProjectId = project.Id, Number = 1, Name = "Crane", WorkItemId = task.Id, CreatedAt = T0 });
            await store.SaveChangesAsync(CancellationToken.None);
        }

        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
            store.Remove((await store.ListWorkItemsAsync(project.Id, CancellationToken.None))[0]);
            await store.SaveChangesAsync(CancellationToken.None);
        }

        using var read = app.Services.CreateScope();
        var reader = read.ServiceProvider.GetRequiredService<IPmStore>();
        Assert.Empty(await reader.ListAllocationsAsync(project.Id, CancellationToken.None));
        Assert.Null(Assert.Single(await reader.ListResourcesAsync(project.Id, CancellationToken.None)).WorkItemId);
    }
}

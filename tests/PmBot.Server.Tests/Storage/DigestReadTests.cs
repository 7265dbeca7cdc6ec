using Microsoft.Extensions.DependencyInjection;
using PmBot.Core.Domain;
using PmBot.Core.Planning;
using PmBot.Core.Ports;
using PmBot.Server.Tests.Infrastructure;

namespace PmBot.Server.Tests.Storage;

/// <summary>
/// The large reads of a digest (work items, links, baseline items) build their rows property by property, without reading
/// back the id they were asked for: they must give every property as stored.
/// </summary>
public sealed class DigestReadTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task LargeReads_EveryProperty_AsStored(Store which)
    {
        await using var app = await PmBotApp.StartAsync(which);
        var now = TimeProvider.System.GetUtcNow();
        var day = new DateOnly(2026, 9, 7);
        Guid projectId;
        PlanBaselineItem written;
        Guid baselineId;
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
            var workspace = new Workspace { Channel = ChannelKind.Slack, ExternalId = "T-" + Guid.NewGuid().ToString("N")[..8], Name = "Read", CreatedAt = now };
            var member = new Member { WorkspaceId = workspace.Id, ExternalUserId = "U1", DisplayName = "Bob", CreatedAt = now };
            var project = new Project { WorkspaceId = workspace.Id, Key = "APOLLO", Name = "Apollo", PmMemberId = member.Id, CreatedAt = now };
            var parent = new WorkItem { ProjectId = project.Id, Number = 1, Name = "Build", CreatedAt = now };
            // Every property set to something other than its default.
            var task = new WorkItem
            {
                ProjectId = project.Id, Number = 2, Name = "API", ParentId = parent.Id, DurationDays = 5, OwnerMemberId = member.Id,
                PercentComplete = 40, Status = WorkItemStatus.InProgress, ActualStart = day, ActualFinish = day.AddDays(3),
                EffortHours = 37.25m, RemainingHours = 12.5m, FixedCost = 1234567.89m, Description = "REST endpoints · 接口",
                AcceptanceCriteria = "All tests green", IsDeliverable = true, IsMilestone = true, TargetDate = day.AddDays(9), CreatedAt = now,
            };
            task.Constrain(new ActivityConstraint(ConstraintKind.MustFinishOn, day.AddDays(10)));
            var next = new WorkItem { ProjectId = project.Id, Number = 3, Name = "UI", ParentId = parent.Id, CreatedAt = now };
            var baseline = new PlanBaseline { ProjectId = project.Id, Number = 1, CreatedByMemberId = member.Id, CreatedAt = now, IsCurrent = true };
            written = new PlanBaselineItem { BaselineId = baseline.Id, WorkItemId = task.Id, Start = day, Finish = day.AddDays(4), DurationDays = 5, EffortHours = 37.25m, PlannedCost = 4419.74m };
            baselineId = baseline.Id;
            store.Add(workspace);
            store.Add(member);
            store.Add(project);
            store.Add(parent);
            store.Add(task);
            store.Add(next);
            store.Add(new WorkItemLink { ProjectId = project.Id, PredecessorId = task.Id, SuccessorId = next.Id, Type = DependencyType.StartToStart, LagDays = -2 });
            store.Add(baseline);
            store.Add(written);
            await store.SaveChangesAsync(CancellationToken.None);
            projectId = project.Id;
        }

        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
            var listed = await store.ListWorkItemsAsync(projectId, CancellationToken.None);
            var read = await store.ReadWorkItemsAsync(projectId, CancellationToken.None);
            Assert.Equal(listed.Select(i => i.Id), read.Select(i => i.Id));
            foreach (var property in typeof(WorkItem).GetProperties().Where(p => p.CanRead))
            {
                for (var i = 0; i < listed.Count; i++)
                    Assert.True(Equals(property.GetValue(listed[i]), property.GetValue(read[i])), $"{property.Name} of item {listed[i].Number} differs");
            }

            var link = Assert.Single(await store.ReadWorkItemLinksAsync(projectId, CancellationToken.None));
            var tracked = Assert.Single(await store.ListWorkItemLinksAsync(projectId, CancellationToken.None));
            foreach (var property in typeof(WorkItemLink).GetProperties())
                Assert.True(Equals(property.GetValue(tracked), property.GetValue(link)), $"link {property.Name} differs");

            var baselined = Assert.Single(await store.ListBaselineItemsAsync(baselineId, CancellationToken.None));
            foreach (var property in typeof(PlanBaselineItem).GetProperties())
                Assert.True(Equals(property.GetValue(written), property.GetValue(baselined)), $"baseline item {property.Name} differs");
        }
    }
}

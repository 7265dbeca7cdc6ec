using Microsoft.Extensions.DependencyInjection;
using PmBot.Core.Domain;
using PmBot.Core.Planning;
using PmBot.Core.Ports;
using PmBot.Server.Tests.Infrastructure;

namespace PmBot.Server.Tests.Storage;

/// <summary>
/// The plan rows a digest reads (<see cref="IPmStore.ReadPlanAsync"/>: work items, links, baseline items built property
/// by property without reading back the id they were asked for; progress history; time and cost entries), each on a
/// connection of its own: they must give every property as stored.
/// </summary>
public sealed class DigestReadTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task ReadPlan_EveryProperty_AsStored(Store which)
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
            store.Add(new ProgressSnapshot { ProjectId = project.Id, WorkItemId = task.Id, Date = day, PercentComplete = 40, RemainingHours = 12.5m, RecordedAt = now });
            store.Add(new TimeEntry { ProjectId = project.Id, WorkItemId = task.Id, MemberId = member.Id, Date = day, Hours = 2.5m, Rate = 80, Cost = 200, CreatedAt = now });
            store.Add(new CostEntry { ProjectId = project.Id, Amount = 99.99m, Description = "Licence", Category = "software", Date = day, RecordedByMemberId = member.Id, CreatedAt = now });
            await store.SaveChangesAsync(CancellationToken.None);
            projectId = project.Id;
        }

        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
            var plan = await store.ReadPlanAsync(projectId, CancellationToken.None);
            var listed = await store.ListWorkItemsAsync(projectId, CancellationToken.None);
            var read = plan.Items;
            Assert.Equal(listed.Select(i => i.Id), read.Select(i => i.Id));
            foreach (var property in typeof(WorkItem).GetProperties().Where(p => p.CanRead))
            {
                for (var i = 0; i < listed.Count; i++)
                    Assert.True(Equals(property.GetValue(listed[i]), property.GetValue(read[i])), $"{property.Name} of item {listed[i].Number} differs");
            }

            var link = Assert.Single(plan.Links);
            var tracked = Assert.Single(await store.ListWorkItemLinksAsync(projectId, CancellationToken.None));
            foreach (var property in typeof(WorkItemLink).GetProperties())
                Assert.True(Equals(property.GetValue(tracked), property.GetValue(link)), $"link {property.Name} differs");

            Assert.Equal(baselineId, plan.Baseline!.Baseline.Id);
            var baselined = Assert.Single(plan.Baseline.Items);
            foreach (var property in typeof(PlanBaselineItem).GetProperties())
                Assert.True(Equals(property.GetValue(written), property.GetValue(baselined)), $"baseline item {property.Name} differs");

            var snapshot = Assert.Single(plan.Snapshots);
            Assert.Equal((projectId, day, 40, (decimal?)12.5m), (snapshot.ProjectId, snapshot.Date, snapshot.PercentComplete, snapshot.RemainingHours));
            Assert.Equal(snapshot.Id, Assert.Single(await store.ListProgressSnapshotsAsync(projectId, CancellationToken.None)).Id);
            Assert.Equal((2.5m, 200m), (Assert.Single(plan.TimeEntries).Hours, plan.TimeEntries[0].Cost));
            Assert.Equal(("software", 99.99m), (Assert.Single(plan.CostEntries).Category, plan.CostEntries[0].Amount));
        }
    }
}

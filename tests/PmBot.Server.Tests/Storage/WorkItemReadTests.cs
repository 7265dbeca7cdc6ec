using Microsoft.Extensions.DependencyInjection;
using PmBot.Core.Domain;
using PmBot.Core.Planning;
using PmBot.Core.Ports;
using PmBot.Server.Tests.Infrastructure;

namespace PmBot.Server.Tests.Storage;

/// <summary>The digest's untracked read of work items builds them property by property: it must give what the tracked read gives.</summary>
public sealed class WorkItemReadTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task ReadWorkItems_EveryProperty_AsListWorkItems(Store which)
    {
        await using var app = await PmBotApp.StartAsync(which);
        var now = TimeProvider.System.GetUtcNow();
        var day = new DateOnly(2026, 9, 7);
        Guid projectId;
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
            store.Add(workspace);
            store.Add(member);
            store.Add(project);
            store.Add(parent);
            store.Add(task);
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
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using PmBot.Core.Domain;
using PmBot.Core.Ports;
using PmBot.Server.Tests.Infrastructure;

namespace PmBot.Server.Tests.Storage;

/// <summary>Effort, costs, budget lines, rates, baselines and progress history survive a round trip through both stores.</summary>
public sealed class CostStorageTests
{
    private static readonly DateOnly Day = new(2026, 9, 7);

    private sealed record Seeded(Guid Workspace, Guid Member, Guid Project, Guid Task, Guid Parent, Guid Baseline);

    private static async Task<Seeded> SeedAsync(PmBotApp app)
    {
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
        var now = TimeProvider.System.GetUtcNow();
        var workspace = new Workspace { Channel = ChannelKind.Slack, ExternalId = "T-" + Guid.NewGuid().ToString("N")[..8], Name = "Costs", CreatedAt = now };
        var member = new Member { WorkspaceId = workspace.Id, ExternalUserId = "U1", DisplayName = "Bob", HourlyRate = 85.5m, CreatedAt = now };
        var project = new Project { WorkspaceId = workspace.Id, Key = "APOLLO", Name = "Apollo", PmMemberId = member.Id, Currency = "EUR", CreatedAt = now };
        var parent = new WorkItem { ProjectId = project.Id, Number = 1, Name = "Build", CreatedAt = now };
        var task = new WorkItem
        {
            ProjectId = project.Id, Number = 2, Name = "API", ParentId = parent.Id, DurationDays = 5, OwnerMemberId = member.Id,
            EffortHours = 37.25m, RemainingHours = 12.5m, FixedCost = 1234567.89m, Description = "REST endpoints · 接口",
            AcceptanceCriteria = "All tests green", IsDeliverable = true, CreatedAt = now,
        };
        var baseline = new PlanBaseline { ProjectId = project.Id, Number = 1, CreatedByMemberId = member.Id, CreatedAt = now, IsCurrent = true };
        store.Add(workspace);
        store.Add(member);
        store.Add(project);
        store.Add(parent);
        store.Add(task);
        store.Add(baseline);
        store.Add(new PlanBaselineItem { BaselineId = baseline.Id, WorkItemId = task.Id, Start = Day, Finish = Day.AddDays(4), DurationDays = 5, EffortHours = 37.25m, PlannedCost = 4419.74m });
        store.Add(new TimeEntry { ProjectId = project.Id, WorkItemId = task.Id, MemberId = member.Id, Date = Day.AddDays(1), Hours = 2.33m, Rate = 85.5m, Cost = 199.22m, Note = "pairing", CreatedAt = now });
        store.Add(new TimeEntry { ProjectId = project.Id, WorkItemId = task.Id, MemberId = member.Id, Date = Day, Hours = 8, Rate = 85.5m, Cost = 684, CreatedAt = now });
        store.Add(new CostEntry { ProjectId = project.Id, WorkItemId = task.Id, Amount = 1200.5m, Description = "licences", Category = "software", Date = Day, RecordedByMemberId = member.Id, CreatedAt = now });
        store.Add(new CostEntry { ProjectId = project.Id, Amount = 99.99m, Description = "taxi", Category = CostCategories.Other, Date = Day.AddDays(2), RecordedByMemberId = member.Id, CreatedAt = now });
        store.Add(new BudgetLine { ProjectId = project.Id, Category = CostCategories.Labour, Amount = 20000, AlertPercent = 80, UpdatedAt = now });
        store.Add(new BudgetLine { ProjectId = project.Id, Category = "software", Amount = 1500.25m, UpdatedAt = now });
        store.Add(new ProgressSnapshot { ProjectId = project.Id, WorkItemId = task.Id, Date = Day.AddDays(3), PercentComplete = 60, RemainingHours = 12.5m, RecordedAt = now });
        store.Add(new ProgressSnapshot { ProjectId = project.Id, WorkItemId = task.Id, Date = Day, PercentComplete = 10, RecordedAt = now });
        await store.SaveChangesAsync(CancellationToken.None);
        return new Seeded(workspace.Id, member.Id, project.Id, task.Id, parent.Id, baseline.Id);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Costs_SavedAndReadBack_KeepEveryValue(Store which)
    {
        await using var app = await PmBotApp.StartAsync(which);
        var seeded = await SeedAsync(app);

        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
        var ct = CancellationToken.None;

        Assert.Equal(85.5m, (await store.GetMemberAsync(seeded.Member, ct))!.HourlyRate);
        Assert.Equal("EUR", (await store.GetProjectAsync(seeded.Project, ct))!.Currency);
        var task = (await store.ListWorkItemsAsync(seeded.Project, ct)).Single(i => i.Id == seeded.Task);
        Assert.Equal((37.25m, 12.5m, 1234567.89m), (task.EffortHours, task.RemainingHours, task.FixedCost));
        Assert.Equal(("REST endpoints · 接口", "All tests green", true), (task.Description, task.AcceptanceCriteria, task.IsDeliverable));
        var parent = (await store.ListWorkItemsAsync(seeded.Project, ct)).Single(i => i.Id == seeded.Parent);
        Assert.Equal((null, null, 0m, false), (parent.EffortHours, parent.RemainingHours, parent.FixedCost, parent.IsDeliverable));

        var baselined = Assert.Single(await store.ListBaselineItemsAsync(seeded.Baseline, ct));
        Assert.Equal((37.25m, 4419.74m), (baselined.EffortHours, baselined.PlannedCost));

        var hours = await store.ListTimeEntriesAsync(seeded.Project, ct);
        Assert.Equal([Day, Day.AddDays(1)], hours.Select(h => h.Date)); // oldest first
        Assert.Equal((2.33m, 85.5m, 199.22m, "pairing"), (hours[1].Hours, hours[1].Rate, hours[1].Cost, hours[1].Note));
        Assert.Null(hours[0].Note);

        var costs = await store.ListCostEntriesAsync(seeded.Project, ct);
        Assert.Equal([1200.5m, 99.99m], costs.Select(c => c.Amount));
        Assert.Equal((seeded.Task, "software"), (costs[0].WorkItemId, costs[0].Category));
        Assert.Null(costs[1].WorkItemId);

        var lines = await store.ListBudgetLinesAsync(seeded.Project, ct);
        Assert.Equal([(CostCategories.Labour, 20000m, 80), ("software", 1500.25m, BudgetLine.DefaultAlertPercent)], lines.Select(l => (l.Category, l.Amount, l.AlertPercent)));

        var snapshots = await store.ListProgressSnapshotsAsync(seeded.Project, ct);
        Assert.Equal([(Day, 10, (decimal?)null), (Day.AddDays(3), 60, 12.5m)], snapshots.OrderBy(s => s.Date).Select(s => (s.Date, s.PercentComplete, s.RemainingHours)));
        Assert.All(snapshots, s => Assert.Equal((seeded.Project, seeded.Task), (s.ProjectId, s.WorkItemId)));
        var latest = await store.FindLatestProgressSnapshotAsync(seeded.Task, ct);
        Assert.Equal(Day.AddDays(3), latest!.Date);
        Assert.Null(await store.FindLatestProgressSnapshotAsync(seeded.Parent, ct));
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task ProgressSnapshot_SecondForTheSameItemAndDate_IsADuplicate(Store which)
    {
        await using var app = await PmBotApp.StartAsync(which);
        var seeded = await SeedAsync(app);

        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
        store.Add(new ProgressSnapshot { ProjectId = seeded.Project, WorkItemId = seeded.Task, Date = Day, PercentComplete = 20 });

        await Assert.ThrowsAsync<DuplicateKeyException>(() => store.SaveChangesAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task BudgetLine_SecondForTheSameCategory_IsADuplicate(Store which)
    {
        await using var app = await PmBotApp.StartAsync(which);
        var seeded = await SeedAsync(app);

        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
        store.Add(new BudgetLine { ProjectId = seeded.Project, Category = "software", Amount = 1 });

        await Assert.ThrowsAsync<DuplicateKeyException>(() => store.SaveChangesAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task ProjectCreatedBeforeCurrencies_DefaultsToUsd(Store which)
    {
        await using var app = await PmBotApp.StartAsync(which);
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
        var workspace = new Workspace { Channel = ChannelKind.Slack, ExternalId = "T-usd", Name = "Usd" };
        var member = new Member { WorkspaceId = workspace.Id, ExternalUserId = "U1", DisplayName = "Ann" };
        var project = new Project { WorkspaceId = workspace.Id, Key = "MOON", Name = "Moon", PmMemberId = member.Id };
        store.Add(workspace);
        store.Add(member);
        store.Add(project);
        await store.SaveChangesAsync(CancellationToken.None);

        using var read = app.Services.CreateScope();
        Assert.Equal(Currencies.Default, (await read.ServiceProvider.GetRequiredService<IPmStore>().GetProjectAsync(project.Id, CancellationToken.None))!.Currency);
        Assert.Null((await read.ServiceProvider.GetRequiredService<IPmStore>().GetMemberAsync(member.Id, CancellationToken.None))!.HourlyRate);
    }
}

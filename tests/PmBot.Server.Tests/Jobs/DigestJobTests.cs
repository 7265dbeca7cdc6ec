using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;
using PmBot.Server.Jobs;
using PmBot.Server.Tests.Infrastructure;
using PmBot.Storage;

namespace PmBot.Server.Tests.Jobs;

/// <summary>
/// The digest job on a real store with a fake clock: alice (PM, New York, English) and wei (PM, Shanghai, Chinese) of one
/// project each get the digest at their own 08:00, once per local date however often the job runs.
/// </summary>
public sealed class DigestJobTests
{
    // Tuesday 2026-12-01: 08:00 in Shanghai is 00:00 UTC, 08:00 in New York is 13:00 UTC.
    private static readonly DateTimeOffset ShanghaiEight = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NewYorkEight = new(2026, 12, 1, 13, 0, 0, TimeSpan.Zero);

    private static async Task<(PmBotApp App, Guid Project, Guid Alice, Guid Wei)> StartAsync(Store store)
    {
        var app = await PmBotApp.StartAsync(store, new Dictionary<string, string?> { ["PmBot:Outbox:Enabled"] = "false" });
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PmBotDbContext>();
        var alice = await db.Members.SingleAsync(m => m.ExternalUserId == "alice");
        var wei = await db.Members.SingleAsync(m => m.ExternalUserId == "wei");
        var project = new Project { WorkspaceId = alice.WorkspaceId, Key = "APOLLO", Name = "Apollo", PmMemberId = alice.Id, Status = ProjectStatus.Active };
        db.Projects.Add(project);
        db.ProjectMemberships.Add(new ProjectMembership { ProjectId = project.Id, MemberId = alice.Id, Role = ProjectRole.Pm });
        db.ProjectMemberships.Add(new ProjectMembership { ProjectId = project.Id, MemberId = wei.Id, Role = ProjectRole.Pm });
        await db.SaveChangesAsync();
        return (app, project.Id, alice.Id, wei.Id);
    }

    private static Task<DigestRunReport> RunAtAsync(PmBotApp app, DateTimeOffset now) =>
        new DigestJob(app.Get<IServiceScopeFactory>(), new FakeTimeProvider(now), NullLogger<DigestJob>.Instance).RunAsync(CancellationToken.None);

    private static async Task<List<OutboxMessage>> DigestsAsync(PmBotApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PmBotDbContext>();
        return (await db.OutboxMessages.AsNoTracking().Where(o => o.IdempotencyKey.StartsWith("digest:")).ToListAsync()).OrderBy(o => o.NextAttemptAt).ToList();
    }

    private static string Text(OutboxMessage row) => PlainTextRenderer.Render(OutboundMessage.FromJson(row.Payload));

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Run_TwoZones_EachPmGetsItAtTheirOwnEight(Store store)
    {
        var (app, project, alice, wei) = await StartAsync(store);
        await using var _ = app;

        await RunAtAsync(app, ShanghaiEight.AddMinutes(-5));
        var first = await DigestsAsync(app);
        await RunAtAsync(app, NewYorkEight.AddMinutes(-5));
        var both = await DigestsAsync(app);

        var forWei = Assert.Single(first);
        Assert.Equal(DigestSetting.OutboxKey(project, wei, new DateOnly(2026, 12, 1)), forWei.IdempotencyKey);
        Assert.Equal(ShanghaiEight, forWei.NextAttemptAt);
        Assert.Equal("dm:wei", forWei.ConversationId);
        Assert.Contains("每日摘要", Text(forWei), StringComparison.Ordinal);
        Assert.Equal(2, both.Count);
        Assert.Equal(DigestSetting.OutboxKey(project, alice, new DateOnly(2026, 12, 1)), both[1].IdempotencyKey);
        Assert.Equal(NewYorkEight, both[1].NextAttemptAt);
        Assert.Contains("Daily digest", Text(both[1]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Run_SeveralTimesAroundTheDigest_QueuesItOncePerLocalDate(Store store)
    {
        var (app, _, _, _) = await StartAsync(store);
        await using var __ = app;

        var reports = new List<DigestRunReport>();
        foreach (var at in new[] { -9, -5, -5, 0, 3, 30, 110 })
            reports.Add(await RunAtAsync(app, NewYorkEight.AddMinutes(at)));
        // The next day's digest is a new one.
        reports.Add(await RunAtAsync(app, NewYorkEight.AddDays(1).AddMinutes(-5)));

        var digests = await DigestsAsync(app);
        Assert.Equal(1, reports[0].Queued);
        Assert.All(reports.Skip(1).Take(6), r => Assert.Equal(0, r.Queued));
        Assert.Equal(1, reports[^1].Queued);
        Assert.Equal([NewYorkEight, NewYorkEight.AddDays(1)], digests.Select(d => d.NextAttemptAt));
    }

    [Fact]
    public async Task Run_SettingsWeekendsHolidaysAndAbsences_AreRespected()
    {
        var (app, project, alice, wei) = await StartAsync(Store.Sqlite);
        await using var _ = app;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmBotDbContext>();
            var workspace = await db.Members.Where(m => m.Id == alice).Select(m => m.WorkspaceId).SingleAsync();
            db.DigestSettings.Add(new DigestSetting { ProjectId = project, MemberId = alice, LocalTime = new TimeOnly(7, 30) });
            db.DigestSettings.Add(new DigestSetting { ProjectId = project, MemberId = wei, Enabled = false });
            db.Holidays.Add(new Holiday { WorkspaceId = workspace, Date = new DateOnly(2026, 12, 2) });
            db.Absences.Add(new Absence { WorkspaceId = workspace, MemberId = alice, From = new DateOnly(2026, 12, 3), To = new DateOnly(2026, 12, 3) });
            await db.SaveChangesAsync();
        }

        // Tuesday 07:30 New York is 12:30 UTC; wei is off; Wednesday is a holiday, Thursday alice is away, Saturday is no working day.
        var tuesday = await RunAtAsync(app, NewYorkEight.AddMinutes(-35));
        var atEight = await RunAtAsync(app, NewYorkEight.AddMinutes(-5));
        var wednesday = await RunAtAsync(app, NewYorkEight.AddDays(1).AddMinutes(-35));
        var thursday = await RunAtAsync(app, NewYorkEight.AddDays(2).AddMinutes(-35));
        var saturday = await RunAtAsync(app, NewYorkEight.AddDays(4).AddMinutes(-35));
        var friday = await RunAtAsync(app, NewYorkEight.AddDays(3).AddMinutes(-35));

        Assert.Equal(1, tuesday.Queued);
        Assert.Equal(0, atEight.Queued);
        Assert.Equal((0, 1), (wednesday.Queued, wednesday.Skipped));
        Assert.Equal((0, 1), (thursday.Queued, thursday.Skipped));
        Assert.Equal((0, 0), (saturday.Due, saturday.Queued));
        Assert.Equal(1, friday.Queued);
        var digests = await DigestsAsync(app);
        Assert.Equal([NewYorkEight.AddMinutes(-30), NewYorkEight.AddDays(3).AddMinutes(-30)], digests.Select(d => d.NextAttemptAt));
        // Friday's digest covers what happened since Tuesday's (the last digest day before it).
        Assert.Contains("since Tue 2026-12-01 07:30 (America/New_York)", Text(digests[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registrar_AtStartUp_RegistersTheDigestPlannerEveryFiveMinutesUtc()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);

        using var connection = app.Get<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DigestJob.JobId);
        Assert.Equal("*/5 * * * *", job.Cron);
        Assert.Equal("UTC", job.TimeZoneId);
    }
}

using Microsoft.EntityFrameworkCore;
using PmBot.Core.Domain;
using PmBot.Core.Outbox;
using PmBot.Server.Jobs;
using PmBot.Server.Tests.Infrastructure;
using PmBot.Storage;
using PmBot.TestSupport.Slack;
using Xunit.Abstractions;

namespace PmBot.Server.Tests.Checkins;

/// <summary>Exactly-once prompts: the same planning run twice, and two instances on one PostgreSQL, counted at the fake Slack API.</summary>
public sealed class CheckinJobTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Members = 12;
    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackServer.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private Dictionary<string, string?> Slack() => new()
    {
        ["PmBot:Slack:SigningSecret"] = "0123456789abcdef0123456789abcdef",
        ["PmBot:Slack:BotToken"] = "xoxb-test-token",
        ["PmBot:Slack:ApiBaseAddress"] = _slack.ApiBase.ToString(),
        ["PmBot:Slack:PerWorkspacePerSecond"] = "100",
        ["PmBot:Slack:PerWorkspaceBurst"] = "100",
    };

    /// <summary>Prompts posted, by outbox key (carried in each post's metadata; it ends with ":prompt").</summary>
    private Dictionary<string, int> PromptsByKey() => _slack.Posted
        .Select(p => p.Metadata?["event_payload"]?["key"]?.GetValue<string>())
        .Where(k => k?.EndsWith(":prompt", StringComparison.Ordinal) == true)
        .GroupBy(k => k!).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// The prompt keys due by now. A member whose local 09:30 comes within the planning horizon also has the next
    /// prompt planned, due later: it must not have been sent yet.
    /// </summary>
    private static async Task<HashSet<string>> DuePromptKeysAsync(PmBotApp app)
    {
        await using var db = await app.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync();
        var now = TimeProvider.System.GetUtcNow();
        var keys = await db.OutboxMessages.Where(o => o.IdempotencyKey.EndsWith(":prompt")).Select(o => new { o.IdempotencyKey, o.NextAttemptAt }).ToListAsync();
        return [.. keys.Where(k => k.NextAttemptAt <= now).Select(k => k.IdempotencyKey)];
    }

    private async Task<Dictionary<string, int>> SettledPromptsAsync(PmBotApp app)
    {
        var due = await DuePromptKeysAsync(app);
        await PmBot.Server.Tests.Slack.SlackRequests.WaitForAsync(() => due.IsSubsetOf(PromptsByKey().Keys), $"{due.Count} prompts");
        // Anything doubled would arrive within a few dispatcher rounds.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var posted = PromptsByKey();
        Assert.Equal(due.Order(), posted.Keys.Order());
        return posted;
    }

    private static async Task<int> OccurrencesAsync(PmBotApp app, Guid scheduleId)
    {
        await using var db = await app.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync();
        return await db.CheckinOccurrences.CountAsync(o => o.ScheduleId == scheduleId);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Run_Twice_SendsEachPromptOnce(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store, Slack());
        var seeded = await CheckinSeed.SlackAsync(app, Members);
        var job = app.Get<CheckinJob>();

        var first = await job.RunAsync(seeded.ScheduleId, CancellationToken.None);
        var second = await job.RunAsync(seeded.ScheduleId, CancellationToken.None);

        Assert.InRange(first.Prompts, Members, 2 * Members);
        Assert.Equal(first.Prompts, await OccurrencesAsync(app, seeded.ScheduleId));
        Assert.Equal(0, second.Prompts);
        var prompts = await SettledPromptsAsync(app);
        Assert.All(prompts.Values, n => Assert.Equal(1, n));
        Assert.Equal(Members, _slack.Posted.Select(p => p.Channel).Distinct().Count());
        output.WriteLine($"{store}: 2 runs planned {first.Prompts} + {second.Prompts} prompts for {Members} members; {prompts.Count} due now, {prompts.Values.Sum()} received by the fake Slack API");
    }

    [Fact]
    public async Task TwoInstancesOnOnePostgres_RunAtOnce_SendEachPromptOnce()
    {
        await using var one = await PmBotApp.StartAsync(Store.Postgres, Slack());
        var database = one.Get<StorageOptions>().ConnectionString;
        await using var two = await PmBotApp.StartAsync(Store.Postgres, Slack(), database);
        var seeded = await CheckinSeed.SlackAsync(one, Members);

        // Both instances' jobs fire at the same moment, twice each; both dispatchers drain the same outbox.
        var runs = await Task.WhenAll(
            one.Get<CheckinJob>().RunAsync(seeded.ScheduleId, CancellationToken.None),
            two.Get<CheckinJob>().RunAsync(seeded.ScheduleId, CancellationToken.None),
            one.Get<CheckinJob>().RunAsync(seeded.ScheduleId, CancellationToken.None),
            two.Get<CheckinJob>().RunAsync(seeded.ScheduleId, CancellationToken.None));

        var occurrences = await OccurrencesAsync(one, seeded.ScheduleId);
        Assert.Equal(occurrences, runs.Sum(r => r.Prompts));
        Assert.InRange(occurrences, Members, 2 * Members);
        var prompts = await SettledPromptsAsync(one);
        Assert.All(prompts.Values, n => Assert.Equal(1, n));
        Assert.Equal(Members, _slack.Posted.Select(p => p.Channel).Distinct().Count());
        await using var db = await one.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync();
        Assert.Equal(prompts.Count, await db.OutboxMessages.CountAsync(o => o.IdempotencyKey.EndsWith(":prompt") && o.State == OutboxState.Sent));
        output.WriteLine($"2 instances x 2 runs planned {string.Join(" + ", runs.Select(r => r.Prompts))} prompts for {Members} members; {prompts.Count} due now, {prompts.Values.Sum()} received by the fake Slack API");
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Run_MemberAwayOrHoliday_IsRecordedAwayAndNotPrompted(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store, Slack());
        var seeded = await CheckinSeed.SlackAsync(app, 3);
        var away = seeded.Members[1];
        await using (var db = await app.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync())
        {
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            db.Absences.Add(new Absence { WorkspaceId = away.WorkspaceId, MemberId = away.Id, From = today.AddDays(-2), To = today.AddDays(2) });
            await db.SaveChangesAsync();
        }

        var result = await app.Get<CheckinJob>().RunAsync(seeded.ScheduleId, CancellationToken.None);

        await using var check = await app.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync();
        var theirs = await check.CheckinOccurrences.Where(o => o.MemberId == away.Id).ToListAsync();
        Assert.NotEmpty(theirs);
        Assert.All(theirs, o => Assert.Equal((OccurrenceState.Away, AwayReason.Absence), (o.State, o.AwayReason!.Value)));
        Assert.Equal(theirs.Count, result.Away);
        await SettledPromptsAsync(app);
        Assert.DoesNotContain(_slack.Posted, p => p.Channel == "D" + away.ExternalUserId);
        Assert.Equal(2, _slack.Posted.Select(p => p.Channel).Distinct().Count());
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task ScheduleCommands_KeepTheRecurringJobInStep_AndStartUpRegistersIt(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        using (var alice = app.Chat("alice"))
        {
            foreach (var line in new[] { "project create \"Apollo\"", "project use APOLLO", "checkin schedule add standup at 09:30 days mon-fri" })
                await alice.AskAsync(line);
        }
        Guid id;
        await using (var db = await app.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync())
            id = (await db.CheckinSchedules.SingleAsync()).Id;
        string JobId() => "checkin:" + id.ToString("N");
        Hangfire.Storage.RecurringJobDto? Job()
        {
            using var connection = app.Get<Hangfire.JobStorage>().GetConnection();
            return Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).SingleOrDefault(j => j.Id == JobId());
        }

        var added = Job();
        using (var alice = app.Chat("alice"))
            await alice.AskAsync("checkin schedule pause 1");
        var paused = Job();
        using (var alice = app.Chat("alice"))
            await alice.AskAsync("checkin schedule resume 1");
        await app.RestartAsync();
        var restarted = Job();

        Assert.NotNull(added);
        Assert.Equal("15 * * * *", added.Cron);
        Assert.Equal("America/New_York", added.TimeZoneId);
        Assert.Null(paused);
        Assert.NotNull(restarted);
        Assert.Equal("America/New_York", restarted.TimeZoneId);
    }

    [Fact]
    public async Task Run_PausedSchedule_PlansNothing()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite, Slack());
        var seeded = await CheckinSeed.SlackAsync(app, 3);
        await using (var db = await app.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync())
            await db.CheckinSchedules.Where(s => s.Id == seeded.ScheduleId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Paused, true));

        var result = await app.Get<CheckinJob>().RunAsync(seeded.ScheduleId, CancellationToken.None);

        Assert.Equal(0, result.Prompts);
    }
}

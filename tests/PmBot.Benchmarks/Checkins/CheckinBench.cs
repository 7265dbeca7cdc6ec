using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PmBot.Channels.Slack;
using PmBot.Core.Domain;
using PmBot.Core.Features.Checkins;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;
using PmBot.Storage;
using PmBot.TestSupport;
using PmBot.TestSupport.Slack;

namespace PmBot.Benchmarks.Checkins;

/// <summary>
/// What the check-in benchmarks share: PostgreSQL (fsync on), the fake Slack Web API, and PmBot's own pieces wired as
/// in the server (the domain store, the outbox dispatcher with the Slack sender, the planning run of a schedule's job).
/// </summary>
public sealed class CheckinBench : IAsyncDisposable
{
    private readonly TestPostgres _postgres;
    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();
    private Task? _dispatcher;

    private CheckinBench(TestPostgres postgres, FakeSlackServer slack, ServiceProvider services)
    {
        _postgres = postgres;
        Slack = slack;
        _services = services;
    }

    public FakeSlackServer Slack { get; }

    public sealed record SchedulePlan(string Zone, TimeOnly LocalTime, int Members, int WindowMinutes, int ReminderPercent);

    /// <param name="name">The database name.</param>
    /// <param name="workspacePerSecond">The Slack sender's workspace rate (its token bucket), as configured in PmBot.</param>
    /// <param name="workspaceBurst">Its burst.</param>
    public static async Task<CheckinBench> StartAsync(string name, double workspacePerSecond, int workspaceBurst)
    {
        var postgres = await TestPostgres.StartAsync(durable: true);
        var database = await postgres.CreateDatabaseAsync(name);
        var slack = await FakeSlackServer.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddPmBotStorage(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = database }, AppContext.BaseDirectory);
        services.AddSlackChannel(o =>
        {
            o.ApiBaseAddress = slack.ApiBase;
            o.PerConversationPerSecond = 1;
            o.PerConversationBurst = 1;
            o.PerWorkspacePerSecond = workspacePerSecond;
            o.PerWorkspaceBurst = workspaceBurst;
        });
        services.AddSingleton<ISlackMessageRenderer>(new BlockKitMessageRenderer());
        services.AddSingleton<ISlackTokenProvider, BenchToken>();
        services.AddSingleton(new OutboxDispatcherOptions { IdlePoll = TimeSpan.FromSeconds(2) });
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OutboxDispatcher>(sp, "bench/" + Environment.ProcessId));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new CheckinBench(postgres, slack, provider);
    }

    /// <summary>A Slack workspace (every day a working day) with one project and a schedule per plan, each for its own members in its zone.</summary>
    public async Task<IReadOnlyList<Guid>> SeedAsync(IReadOnlyList<SchedulePlan> plans)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync();
        var now = TimeProvider.System.GetUtcNow();
        var workspace = new Workspace { Channel = ChannelKind.Slack, ExternalId = "T0BENCH", Name = "Bench", WorkingDays = Weekdays.All, CreatedAt = now };
        db.Workspaces.Add(workspace);
        var pm = Member(workspace, "UPM", "UTC", now);
        db.Members.Add(pm);
        var project = new Project { WorkspaceId = workspace.Id, Key = "APOLLO", Name = "Apollo", PmMemberId = pm.Id, CreatedAt = now };
        db.Projects.Add(project);
        db.ProjectMemberships.Add(new ProjectMembership { ProjectId = project.Id, MemberId = pm.Id, Role = ProjectRole.Pm, AddedAt = now });
        var template = new CheckinTemplate { WorkspaceId = workspace.Id, Name = "standup", BuiltIn = "standup", CreatedAt = now };
        db.CheckinTemplates.Add(template);
        db.CheckinQuestions.AddRange(BuiltInTemplates.Questions("standup").Select((q, i) => new CheckinQuestion
            { TemplateId = template.Id, Position = i + 1, Kind = q.Kind, TextKey = q.TextKey, Required = q.Required }));
        var ids = new List<Guid>();
        var n = 0;
        foreach (var plan in plans)
        {
            var schedule = new CheckinSchedule
            {
                WorkspaceId = workspace.Id, ProjectId = project.Id, TemplateId = template.Id, Number = ids.Count + 1, Days = Weekdays.All,
                LocalTime = plan.LocalTime, TimeZone = plan.Zone, WindowMinutes = plan.WindowMinutes, ReminderPercent = plan.ReminderPercent,
                Audience = AudienceRole.Named, Summary = SummaryMode.DigestOnly, SummaryConversationId = "C0BENCH", CreatedByMemberId = pm.Id, CreatedAt = now.AddDays(-3),
            };
            db.CheckinSchedules.Add(schedule);
            ids.Add(schedule.Id);
            for (var i = 0; i < plan.Members; i++)
            {
                var member = Member(workspace, $"U{n++:000000}", plan.Zone, now);
                db.Members.Add(member);
                db.ProjectMemberships.Add(new ProjectMembership { ProjectId = project.Id, MemberId = member.Id, Role = ProjectRole.Member, AddedAt = now });
                db.CheckinScheduleMembers.Add(new CheckinScheduleMember { ScheduleId = schedule.Id, MemberId = member.Id });
            }
        }
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>One planning run of a schedule's job, committed.</summary>
    public async Task<PlanningResult> PlanAsync(Guid scheduleId)
    {
        using var scope = _services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
        var result = await CheckinPlanning.RunAsync(store, scheduleId, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        await store.SaveChangesAsync(CancellationToken.None);
        return result;
    }

    /// <summary>The due moment of every outbox row (prompts and reminders), by idempotency key.</summary>
    public async Task<Dictionary<string, DateTimeOffset>> DueAsync()
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.ToDictionaryAsync(o => o.IdempotencyKey, o => o.NextAttemptAt);
    }

    public void StartDispatcher() => _dispatcher = _services.GetRequiredService<OutboxDispatcher>().RunAsync(_stop.Token);

    /// <summary>Accepted chat.postMessage calls (not 429) by outbox key, with their receive times.</summary>
    public Dictionary<string, List<DateTimeOffset>> Delivered() => Slack.RequestsFor("chat.postMessage")
        .Where(r => !r.RateLimited)
        .GroupBy(r => r.Json["metadata"]?["event_payload"]?["key"]?.GetValue<string>() ?? "")
        .ToDictionary(g => g.Key, g => g.Select(r => r.ReceivedAt).ToList());

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_dispatcher is not null)
            await _dispatcher;
        await _services.DisposeAsync();
        await Slack.DisposeAsync();
        await _postgres.DisposeAsync();
        _stop.Dispose();
    }

    private static Member Member(Workspace workspace, string id, string zone, DateTimeOffset now) => new()
    {
        WorkspaceId = workspace.Id, ExternalUserId = id, DisplayName = id, TimeZone = zone, DirectConversationId = "D" + id, CreatedAt = now,
    };

    private sealed class BenchToken : ISlackTokenProvider
    {
        public Task<string?> GetBotTokenAsync(Guid workspaceId, CancellationToken cancellationToken) => Task.FromResult<string?>("xoxb-bench");
    }
}

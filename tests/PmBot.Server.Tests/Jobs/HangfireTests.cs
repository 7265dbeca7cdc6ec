using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;
using PmBot.Server.Jobs;
using PmBot.Server.Tests.Infrastructure;
using PmBot.Storage;

namespace PmBot.Server.Tests.Jobs;

public sealed class HangfireTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Registrar_AtStartUp_RegistersHousekeepingWithItsTimeZone(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);

        using var connection = app.Get<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == HousekeepingJob.JobId);
        Assert.Equal("17 * * * *", job.Cron);
        Assert.Equal("UTC", job.TimeZoneId);
    }

    [Fact]
    public async Task Registrar_StaleJobOfASource_IsRemoved()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        var manager = app.Get<IRecurringJobManager>();
        manager.AddOrUpdate("housekeeping:old", Hangfire.Common.Job.FromExpression<HousekeepingJob>(j => j.RunAsync(CancellationToken.None)), "0 0 * * *", new RecurringJobOptions());

        await app.Services.GetServices<IHostedService>().OfType<RecurringJobRegistrar>().Single().SyncAsync(CancellationToken.None);

        using var connection = app.Get<JobStorage>().GetConnection();
        Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == "housekeeping:old");
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == HousekeepingJob.JobId);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Housekeeping_PurgesOldDeliveriesAndReportsDeadRows(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store, new Dictionary<string, string?> { ["PmBot:Outbox:Enabled"] = "false" });
        var now = TimeProvider.System.GetUtcNow();
        using (var scope = app.Services.CreateScope())
        {
            var pm = scope.ServiceProvider.GetRequiredService<IPmStore>();
            pm.MarkDeliveryHandled(ChannelKind.Slack, "Ev-old", now.AddHours(-25));
            pm.MarkDeliveryHandled(ChannelKind.Slack, "Ev-new", now.AddHours(-1));
            pm.Enqueue(new OutboxMessage
            {
                Channel = ChannelKind.WebChat, WorkspaceId = Guid.NewGuid(), ConversationId = "dm:bob", IdempotencyKey = "dead-1",
                Payload = OutboundMessage.Text("x").ToJson(), CreatedAt = now, NextAttemptAt = now, State = OutboxState.Dead, LastError = "403 blocked by user",
            });
            await pm.SaveChangesAsync(CancellationToken.None);
        }

        using var jobScope = app.Services.CreateScope();
        var report = await jobScope.ServiceProvider.GetRequiredService<HousekeepingJob>().RunAsync(CancellationToken.None);

        Assert.Equal(1, report.DeliveriesPurged);
        Assert.Equal(1, report.DeadCount);
        Assert.Equal("403 blocked by user", Assert.Single(report.Dead).LastError);
        using var check = app.Services.CreateScope();
        var after = check.ServiceProvider.GetRequiredService<IPmStore>();
        Assert.False(await after.IsDeliveryHandledAsync(ChannelKind.Slack, "Ev-old", CancellationToken.None));
        Assert.True(await after.IsDeliveryHandledAsync(ChannelKind.Slack, "Ev-new", CancellationToken.None));
    }

    [Fact]
    public async Task Dashboard_RemoteCallerWithoutToken_IsRefused()
    {
        // The in-memory test server has no remote address: it stands for a non-loopback caller.
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        using var http = app.CreateClient();

        var response = await http.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_RemoteCallerWithAdminToken_GetsInAndKeepsACookie()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite, new Dictionary<string, string?> { ["PmBot:Hangfire:DashboardToken"] = "s3cret-admin-token" });
        using var http = app.CreateClient();

        var wrong = await http.GetAsync("/hangfire?token=guess");
        var right = await http.GetAsync("/hangfire?token=s3cret-admin-token");
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret-admin-token");
        var withHeader = await http.SendAsync(bearer);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("PmBot jobs", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(right.Headers.GetValues("Set-Cookie"), c => c.StartsWith(DashboardAccessFilter.CookieName + "=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
    }
}

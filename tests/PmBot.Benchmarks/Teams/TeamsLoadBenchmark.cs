using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PmBot.Benchmarks.Outbox;
using PmBot.TestSupport;
using PmBot.TestSupport.Teams;

namespace PmBot.Benchmarks.Teams;

/// <summary>
/// Bot Framework activities with real JWT validation (RS256 tokens against loopback OpenID metadata) sent to the
/// real server (Release build, a child process) on PostgreSQL; replies go to a loopback fake Bot Connector.
/// </summary>
public static class TeamsLoadBenchmark
{
    private const string AppId = "6a9f1c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
    private static readonly string[] Commands = ["help", "project show APOLLO", "project list", "me", "member list project APOLLO"];

    public static async Task RunAsync(BenchArgs args)
    {
        var requests = args.Int("requests", 3000);
        var concurrency = args.Int("concurrency", 16);
        var users = args.Int("users", 50);

        await using var postgres = await TestPostgres.StartAsync(durable: true);
        var database = await postgres.CreateDatabaseAsync("pmbot_bench_teams");
        await using var identity = await FakeBotFrameworkIdentity.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        var serviceUrl = new Uri(connector.BaseAddress, "teams").ToString();
        using var server = await ServerProcess.StartAsync("Release", new Dictionary<string, string>
        {
            ["PmBot__Storage__Provider"] = "Postgres",
            ["PmBot__Storage__ConnectionString"] = database,
            ["PmBot__Teams__AppId"] = AppId,
            ["PmBot__Teams__AppPassword"] = "bench-secret",
            ["PmBot__Teams__ChannelMetadataUrl"] = identity.ChannelMetadataUrl.ToString(),
            ["PmBot__Teams__LoginBaseAddress"] = connector.BaseAddress.ToString(),
            ["PmBot__Teams__PerConversationPerSecond"] = "1000",
            ["PmBot__Teams__PerConversationBurst"] = "1000",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var token = identity.MintChannelToken(AppId, serviceUrl, TimeProvider.System.GetUtcNow());
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var next = 0;
        async Task<bool> SendAsync(string text, int user)
        {
            var activity = new JsonObject
            {
                ["type"] = "message", ["id"] = $"bench-{Interlocked.Increment(ref next)}-{Guid.NewGuid():N}", ["serviceUrl"] = serviceUrl, ["channelId"] = "msteams", ["text"] = text,
                ["from"] = new JsonObject { ["id"] = $"29:user{user}", ["name"] = $"User {user}", ["aadObjectId"] = $"00000000-0000-0000-0000-{user:000000000000}" },
                ["conversation"] = new JsonObject { ["id"] = $"a:personal-{user}", ["conversationType"] = "personal", ["tenantId"] = "bench-tenant" },
                ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "PmBot" },
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }

        await SendAsync("project create \"Apollo\" key APOLLO", 0);
        for (var u = 0; u < users; u++)
            await SendAsync("help", u);

        var run = await LoadRun.RunAsync(requests, concurrency, i => SendAsync(Commands[i % Commands.Length], i % users));
        var expected = requests + users + 1;
        var drain = Stopwatch.StartNew();
        while (connector.ConnectorRequests.Count(r => r.Method == "POST") < expected && drain.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(100);

        var report = new Report($"Teams activities: {requests} JWT-validated requests, {concurrency} concurrent, {users} users, PostgreSQL (fsync on), loopback");
        run.AddTo(report, "activities", "response", 15000, "15000 ms (Teams' limit)");
        report.Info("replies delivered to the connector", $"{connector.ConnectorRequests.Count(r => r.Method == "POST")} of {expected} ({Report.F(drain.Elapsed.TotalSeconds, "0.0")} s after the last request)");
        report.Print();
    }
}

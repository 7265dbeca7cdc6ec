using System.Net;
using System.Text;
using PmBot.Benchmarks.Outbox;
using PmBot.Channels.Slack;
using PmBot.TestSupport;
using PmBot.TestSupport.Slack;

namespace PmBot.Benchmarks.Slack;

/// <summary>
/// Signed slash commands against the real server (Release build, a child process) on PostgreSQL, with a loopback
/// fake of the Slack Web API: commands per second and ack latency as Slack would see it.
/// </summary>
public static class SlackLoadBenchmark
{
    private const string Secret = "bench-signing-secret-0123456789ab";
    private static readonly string[] Commands = ["help", "project show APOLLO", "project list", "me", "member list project APOLLO"];

    public static async Task RunAsync(BenchArgs args)
    {
        var requests = args.Int("requests", 3000);
        var concurrency = args.Int("concurrency", 16);
        var users = args.Int("users", 50);

        await using var postgres = await TestPostgres.StartAsync(durable: true);
        var database = await postgres.CreateDatabaseAsync("pmbot_bench_slack");
        await using var slack = await FakeSlackServer.StartAsync();
        using var server = await ServerProcess.StartAsync("Release", new Dictionary<string, string>
        {
            ["PmBot__Storage__Provider"] = "Postgres",
            ["PmBot__Storage__ConnectionString"] = database,
            ["PmBot__Slack__SigningSecret"] = Secret,
            ["PmBot__Slack__BotToken"] = "xoxb-bench",
            ["PmBot__Slack__ApiBaseAddress"] = slack.ApiBase.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
        });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // A project for the commands to read, and every user known once (their first command creates them).
        await SendAsync(http, "project create \"Apollo\" key APOLLO", "U0BENCH0000");
        for (var u = 0; u < users; u++)
            await SendAsync(http, "help", User(u));

        var run = await LoadRun.RunAsync(requests, concurrency, i => SendAsync(http, Commands[i % Commands.Length], User(i % users)));

        var report = new Report($"Slack slash commands: {requests} signed requests, {concurrency} concurrent, {users} users, PostgreSQL (fsync on), loopback");
        run.AddTo(report, "commands", "ack", 3000, "3000 ms (Slack's limit)");
        report.Print();
    }

    private static string User(int n) => $"U0BENCH{n:0000}";

    private static async Task<bool> SendAsync(HttpClient http, string text, string user)
    {
        var body = $"team_id=T0BENCH&team_domain=bench&channel_id=C0BENCH&channel_name=bench&user_id={user}&user_name={user}" +
            $"&command=%2Fpm&text={Uri.EscapeDataString(text)}&api_app_id=A0BENCH&response_url=https%3A%2F%2Fhooks.invalid%2Fr" +
            $"&trigger_id={Guid.NewGuid():N}";
        var timestamp = SlackSignature.Timestamp(TimeProvider.System.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/commands") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(Secret, timestamp, body));
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("\"blocks\"", StringComparison.Ordinal);
    }
}

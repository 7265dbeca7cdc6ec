using System.Buffers.Binary;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PmBot.Server.Tests.Infrastructure;
using PmBot.Server.Tests.Slack;
using PmBot.TestSupport.Slack;

namespace PmBot.Server.Tests.Files;

/// <summary>plan gantt / plan burn end to end: the picture in the web chat, an upload in Slack, an image block in a slash command's ack.</summary>
public sealed partial class ChartCommandTests : IAsyncLifetime
{
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private static readonly string[] Plan =
    [
        "project create \"Apollo\" key APOLLO start 2027-01-04",
        "task add \"Design\" days 3",
        "task add \"Build\" days 5",
        "task add \"Launch\" days 0",
        "task link APOLLO-1 APOLLO-2",
        "task link APOLLO-2 APOLLO-3",
    ];

    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackServer.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [GeneratedRegex("<img src=\"(/files/[^\"]+)\"")]
    private static partial Regex ImageSource();

    [Theory]
    [InlineData("plan gantt")]
    [InlineData("plan burn")]
    public async Task WebChat_ChartCommand_ShowsAPngServedAtItsSignedUrl(string command)
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        using var chat = app.Chat("alice");
        foreach (var line in Plan)
            await chat.AskAsync(line);
        await chat.AskAsync("project use APOLLO");

        var reply = Assert.Single((await chat.SayAsync(command)).Replies);
        var src = System.Net.WebUtility.HtmlDecode(ImageSource().Match(reply.Html!).Groups[1].Value);
        var image = await chat.Http.GetAsync(src);

        Assert.StartsWith("/files/", src, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        var png = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal(0x89504E47u, BinaryPrimitives.ReadUInt32BigEndian(png));
        Assert.Equal(1200, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
    }

    [Fact]
    public async Task Slack_MentionForAGantt_UploadsThePngIntoThatChannel()
    {
        await using var app = await StartSlackAsync(publicBaseUrl: null);
        using var http = app.CreateClient();
        foreach (var line in Plan)
            await http.SendAsync(Signed("/api/slack/commands", SlackRequests.Command(line, "U0ANN0001", "C0OTHER01", new Uri(_slack.BaseAddress, "/response/1"))));

        await http.SendAsync(Signed("/api/slack/events", Mention("Ev0GANTT01", "plan gantt project APOLLO", "C0PROJECT1"), "application/json"));

        await SlackRequests.WaitForAsync(() => _slack.Files.Any(f => f.Channel is not null), "the chart is uploaded");
        var file = Assert.Single(_slack.Files);
        Assert.Equal("C0PROJECT1", file.Channel);
        Assert.Matches(@"^APOLLO-gantt-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.png$", file.FileName);
        Assert.Equal(0x89504E47u, BinaryPrimitives.ReadUInt32BigEndian(file.Bytes));
        var post = Assert.Single(_slack.Posted, p => p.Metadata is not null && p.Channel == "C0PROJECT1");
        Assert.Contains("Gantt chart", post.Blocks!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"image\"", post.Blocks!.ToJsonString(), StringComparison.Ordinal);
        var methods = _slack.Requests.Select(r => r.Method).SkipWhile(m => m != "chat.postMessage").ToList();
        Assert.Equal(["chat.postMessage", "files.getUploadURLExternal", "upload", "files.completeUploadExternal"], methods);
    }

    [Fact]
    public async Task Slack_SlashCommandForAGantt_AcksWithAnImageBlockAtThePublicUrl()
    {
        await using var app = await StartSlackAsync(publicBaseUrl: "https://pmbot.example.com");
        using var http = app.CreateClient();
        foreach (var line in Plan)
            await http.SendAsync(Signed("/api/slack/commands", SlackRequests.Command(line, "U0ANN0001", "C0OTHER01", new Uri(_slack.BaseAddress, "/response/1"))));

        var ack = await http.SendAsync(Signed("/api/slack/commands", SlackRequests.Command("plan gantt project APOLLO", "U0ANN0001", "C0OTHER01", new Uri(_slack.BaseAddress, "/response/1"))));

        var blocks = JsonNode.Parse(await ack.Content.ReadAsStringAsync())!["blocks"]!.AsArray();
        var image = Assert.Single(blocks, b => (string?)b!["type"] == "image")!;
        var url = (string)image["image_url"]!;
        Assert.StartsWith("https://pmbot.example.com/files/", url, StringComparison.Ordinal);
        var served = await http.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Slack_SlashCommandForAGanttWithoutPublicUrl_UploadsItIntoTheCommandsChannel()
    {
        await using var app = await StartSlackAsync(publicBaseUrl: null);
        using var http = app.CreateClient();
        foreach (var line in Plan)
            await http.SendAsync(Signed("/api/slack/commands", SlackRequests.Command(line, "U0ANN0001", "C0OTHER01", new Uri(_slack.BaseAddress, "/response/1"))));

        var ack = await http.SendAsync(Signed("/api/slack/commands", SlackRequests.Command("plan gantt project APOLLO", "U0ANN0001", "C0OTHER01", new Uri(_slack.BaseAddress, "/response/1"))));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Empty(await ack.Content.ReadAsStringAsync());
        await SlackRequests.WaitForAsync(() => _slack.Files.Any(f => f.Channel is not null), "the chart is uploaded");
        Assert.Equal("C0OTHER01", Assert.Single(_slack.Files).Channel);
    }

    private Task<PmBotApp> StartSlackAsync(string? publicBaseUrl) => PmBotApp.StartAsync(Store.Sqlite, new Dictionary<string, string?>
    {
        ["PmBot:Slack:SigningSecret"] = Secret,
        ["PmBot:Slack:BotToken"] = "xoxb-test-token",
        ["PmBot:Slack:ApiBaseAddress"] = _slack.ApiBase.ToString(),
        ["PmBot:PublicBaseUrl"] = publicBaseUrl,
        // The first chart of a process loads fonts: give it time to answer inside the ack.
        ["PmBot:Slack:AckBudget"] = "00:00:10",
    });

    private static HttpRequestMessage Signed(string path, string body, string contentType = "application/x-www-form-urlencoded") =>
        SlackRequests.Signed(Secret, path, body, contentType);

    private static string Mention(string eventId, string text, string channel) => new JsonObject
    {
        ["token"] = "x", ["team_id"] = "T0001", ["api_app_id"] = "A123456", ["type"] = "event_callback",
        ["event_id"] = eventId, ["event_time"] = 1_700_000_000,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T0001", ["user_id"] = "U0PMBOT00", ["is_bot"] = true }),
        ["event"] = new JsonObject
        {
            ["type"] = "app_mention", ["user"] = "U0ANN0001", ["text"] = "<@U0PMBOT00> " + text,
            ["ts"] = "1700000000.000100", ["channel"] = channel, ["event_ts"] = "1700000000.000100",
        },
    }.ToJsonString();
}

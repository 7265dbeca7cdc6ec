using System.Text.Json.Nodes;
using PmBot.Channels.Slack;
using PmBot.Channels.Tests.Slack.Fakes;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;
using PmBot.TestSupport.Slack;

namespace PmBot.Channels.Tests.Slack.WebApi;

/// <summary>Pictures and downloads PmBot published are uploaded into the conversation, not linked.</summary>
public class SlackSenderUploadTests
{
    private static readonly Guid Workspace = Guid.Parse("6c1a4f0e-52b4-4a8e-9d55-2a4a3c0d7e01");
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private const string ChartUrl = "/files/0f8fad5bd9cb469fa16570867728950e?exp=1790000000&sig=abc";
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0xFE, 0x80];

    /// <summary>Knows one published file: the chart at <see cref="ChartUrl"/>.</summary>
    private sealed class OneFile : IPublishedFileReader
    {
        public Task<FileContent?> ReadAsync(string url, CancellationToken cancellationToken) =>
            Task.FromResult(url == ChartUrl ? new FileContent("APOLLO-gantt-2026-11-23.png", "image/png", Png) : null);
    }

    private static OutboxMessage Row(OutboundMessage message, int attempts = 1) => new()
    {
        Channel = ChannelKind.Slack,
        WorkspaceId = Workspace,
        ConversationId = "C1",
        IdempotencyKey = "slack-reply:Ev1",
        Payload = message.ToJson(),
        CreatedAt = T0,
        NextAttemptAt = T0,
        Attempts = attempts,
    };

    private static OutboundMessage Chart() => new MessageBuilder()
        .Heading("APOLLO · Apollo: Gantt chart")
        .Add(new ImageBlock(ChartUrl, "Gantt chart of APOLLO"))
        .Text("4 tasks from 2027-01-04 to 2027-01-13")
        .Build();

    private static SlackSender Sender(SlackClientFixture f)
    {
        var tokens = new StubSlackTokens();
        tokens.Tokens[Workspace] = SlackClientFixture.TokenA;
        return new SlackSender(f.Client, tokens, new BlockKitMessageRenderer(), f.WrappedOptions, f.Logs.For<SlackSender>(), new OneFile());
    }

    [Fact]
    public async Task SendAsync_PublishedChart_PostsTheTextThenUploadsThePngIntoTheChannel()
    {
        await using var f = await SlackClientFixture.StartAsync();

        var result = await Sender(f).SendAsync(Row(Chart()), default);

        Assert.Equal(SendResult.Sent, result);
        Assert.Equal(["chat.postMessage", "files.getUploadURLExternal", "upload", "files.completeUploadExternal"], f.Fake.Requests.Select(r => r.Method));
        var post = Assert.Single(f.Fake.Posted, p => p.Metadata is not null);
        Assert.DoesNotContain(post.Blocks!, b => (string?)b!["type"] == "image");
        Assert.Contains("4 tasks", post.Blocks!.ToJsonString(), StringComparison.Ordinal);

        var ticket = f.Fake.Requests[1].Form;
        Assert.Matches(@"^APOLLO-gantt-2026-11-23-[0-9a-f]{8}\.png$", ticket["filename"]);
        Assert.Equal(Png.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ticket["length"]);
        Assert.Equal("Gantt chart of APOLLO", ticket["alt_txt"]);
        Assert.Equal("application/octet-stream", f.Fake.Requests[2].ContentType);
        var complete = f.Fake.Requests[3].Form;
        Assert.Equal("C1", complete["channel_id"]);
        Assert.Equal("APOLLO-gantt-2026-11-23.png", (string?)JsonNode.Parse(complete["files"])![0]!["title"]);

        var file = Assert.Single(f.Fake.Files);
        Assert.Equal("C1", file.Channel);
        Assert.Equal(Png, file.Bytes);
    }

    [Fact]
    public async Task SendAsync_RetriedAfterTheUpload_FindsItInHistoryAndUploadsNothing()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Now = T0.AddSeconds(1);
        var sender = Sender(f);
        await sender.SendAsync(Row(Chart()), default);
        var before = f.Fake.Requests.Count;

        var result = await sender.SendAsync(Row(Chart(), attempts: 2), default);

        Assert.Equal(SendResult.Sent, result);
        Assert.Equal(["conversations.history"], f.Fake.Requests.Skip(before).Select(r => r.Method));
        Assert.Single(f.Fake.Files);
    }

    [Fact]
    public async Task SendAsync_RetriedBeforeTheUpload_UploadsOnce()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Now = T0.AddSeconds(1);
        f.Fake.Script("files.getUploadURLExternal", FakeResponse.ServerError());
        var sender = Sender(f);

        var first = await sender.SendAsync(Row(Chart()), default);
        var second = await sender.SendAsync(Row(Chart(), attempts: 2), default);

        Assert.Equal(SendOutcome.Retry, first.Outcome);
        Assert.Equal(SendResult.Sent, second);
        Assert.Single(f.Fake.Posted, p => p.Metadata is not null);
        Assert.Single(f.Fake.Files, file => file.Channel == "C1");
    }

    [Fact]
    public async Task SendAsync_OnlyAPicture_UploadsItWithTheFallbackAsComment()
    {
        await using var f = await SlackClientFixture.StartAsync();
        var message = new OutboundMessage([new ImageBlock(ChartUrl, "Gantt chart of APOLLO")], "Gantt chart of APOLLO");

        await Sender(f).SendAsync(Row(message), default);

        Assert.DoesNotContain(f.Fake.Requests, r => r.Method == "chat.postMessage");
        Assert.Equal("Gantt chart of APOLLO", f.Fake.Requests.Single(r => r.Method == "files.completeUploadExternal").Form["initial_comment"]);
    }

    [Fact]
    public async Task SendAsync_UnknownOrForeignImage_StaysABlockAndNothingIsUploaded()
    {
        await using var f = await SlackClientFixture.StartAsync();
        var message = new MessageBuilder().Text("Logo").Add(new ImageBlock("https://cdn.example.com/logo.png", "Logo")).Build();

        await Sender(f).SendAsync(Row(message), default);

        Assert.Equal(["chat.postMessage"], f.Fake.Requests.Select(r => r.Method));
        Assert.Contains(f.Fake.Posted[0].Blocks!, b => (string?)b!["type"] == "image");
    }

    [Fact]
    public async Task SendAsync_UploadsDisabledInTheWorkspace_DeadWithTheReason()
    {
        await using var f = await SlackClientFixture.StartAsync();
        f.Fake.Script("files.getUploadURLExternal", FakeResponse.Fail("file_uploads_disabled"));

        var result = await Sender(f).SendAsync(Row(Chart()), default);

        Assert.Equal(SendOutcome.Dead, result.Outcome);
        Assert.Equal("slack:files.getUploadURLExternal:file_uploads_disabled", result.Error);
    }
}

using System.Text.Json.Nodes;
using PmBot.Channels.Slack;
using PmBot.Core.Messages;

namespace PmBot.Channels.Tests.Slack.Fakes;

/// <summary>Renders each block as one plain section, <see cref="BlocksPerPage"/> blocks to a page.</summary>
public sealed class StubSlackRenderer : ISlackMessageRenderer
{
    public int BlocksPerPage { get; set; } = 50;

    public IReadOnlyList<SlackMessagePage> Render(OutboundMessage message) =>
        message.Blocks.Chunk(BlocksPerPage).Select(chunk => new SlackMessagePage(
            new JsonArray(chunk.Select(b => (JsonNode)new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = PlainTextRenderer.Render(new OutboundMessage([b], "")) },
            }).ToArray()),
            message.FallbackText)).ToList();
}

public sealed class StubSlackTokens : ISlackTokenProvider
{
    public Dictionary<Guid, string> Tokens { get; } = [];

    public Task<string?> GetBotTokenAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        Task.FromResult(Tokens.TryGetValue(workspaceId, out var t) ? t : null);
}

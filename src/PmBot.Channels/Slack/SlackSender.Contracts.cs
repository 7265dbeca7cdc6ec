using System.Text.Json.Nodes;
using PmBot.Core.Messages;

namespace PmBot.Channels.Slack;

/// <summary>One Slack message's worth of a rendered <see cref="OutboundMessage"/>: Block Kit blocks plus the notification text.</summary>
public sealed record SlackMessagePage(JsonArray Blocks, string Text);

/// <summary>Renders a channel-neutral message as one or more Slack messages (a long message is split into pages of ≤ 50 blocks).</summary>
public interface ISlackMessageRenderer
{
    IReadOnlyList<SlackMessagePage> Render(OutboundMessage message);
}

/// <summary>Finds the bot token of an installed workspace.</summary>
public interface ISlackTokenProvider
{
    /// <summary>The workspace's bot token (<c>xoxb-…</c>), or null when the app is not (or no longer) installed there.</summary>
    Task<string?> GetBotTokenAsync(Guid workspaceId, CancellationToken cancellationToken);
}

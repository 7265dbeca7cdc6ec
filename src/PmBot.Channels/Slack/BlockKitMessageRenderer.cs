using PmBot.Core.Messages;

namespace PmBot.Channels.Slack;

/// <summary>The outbox sender's renderer: <see cref="SlackBlockKitRenderer"/> pages, each with the fallback text.</summary>
public sealed class BlockKitMessageRenderer(SlackRenderOptions? options = null) : ISlackMessageRenderer
{
    public IReadOnlyList<SlackMessagePage> Render(OutboundMessage message)
    {
        var pages = SlackBlockKitRenderer.RenderMessage(message, options);
        return pages.Pages.Select(p => new SlackMessagePage(p, pages.Text)).ToList();
    }
}

using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Messages;
using PmBot.Core.Ports;

namespace PmBot.Core.Charts;

/// <summary>The answer of every chart command: the chart drawn, kept behind a signed URL, and shown with its title and summary.</summary>
public static class ChartReplies
{
    /// <summary>
    /// Draws <paramref name="chart"/> to PNG, publishes it as <paramref name="fileName"/>, and replies with the chart's
    /// title, the picture, <paramref name="summary"/> (one line) and a context line saying how long the link works.
    /// Where PmBot runs without a renderer or file store, a clear message says charts are not available.
    /// </summary>
    public static async Task<BotReply> PublishAsync(CommandContext context, ChartModel chart, string fileName, string summary,
        CancellationToken cancellationToken, string? note = null)
    {
        var t = context.T;
        if (context.Charts is null || context.Files is null)
            return Replies.Error(t["chart.unavailable"]);
        var png = context.Charts.RenderPng(chart);
        var published = await context.Files.PublishAsync(new FileContent(fileName, "image/png", png), cancellationToken);
        var builder = new MessageBuilder()
            .Heading(chart.Title)
            .Add(new ImageBlock(published.Url, $"{chart.Title}. {summary}"))
            .Text(summary);
        if (note is not null)
            builder.Context(note);
        return BotReply.Of(builder
            .Context(t["chart.link_expires", t.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(published.ExpiresAt, MemberClock.Zone(context.Member)).DateTime))])
            .Fallback($"{chart.Title}: {summary}")
            .Build());
    }
}

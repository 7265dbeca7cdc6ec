using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Messages;
using PmBot.Core.Ports;

namespace PmBot.Core.Charts;

/// <summary>A chart drawn and published: the picture to show and the line saying how long its link works.</summary>
public sealed record PublishedChart(ImageBlock Image, string ExpiryNote);

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
        var published = await DrawAsync(context, chart, fileName, summary, cancellationToken);
        if (published is null)
            return Replies.Error(context.T["chart.unavailable"]);
        var builder = new MessageBuilder()
            .Heading(chart.Title)
            .Add(published.Image)
            .Text(summary);
        if (note is not null)
            builder.Context(note);
        return BotReply.Of(builder
            .Context(published.ExpiryNote)
            .Fallback($"{chart.Title}: {summary}")
            .Build());
    }

    /// <summary>
    /// Draws <paramref name="chart"/> and publishes it, for a reply that shows it among other blocks; null where PmBot
    /// runs without a renderer or file store.
    /// </summary>
    public static async Task<PublishedChart?> DrawAsync(CommandContext context, ChartModel chart, string fileName, string summary,
        CancellationToken cancellationToken)
    {
        var t = context.T;
        if (context.Charts is null || context.Files is null)
            return null;
        var png = context.Charts.RenderPng(chart);
        var published = await context.Files.PublishAsync(new FileContent(fileName, "image/png", png), cancellationToken);
        var expires = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(published.ExpiresAt, MemberClock.Zone(context.Member)).DateTime);
        return new PublishedChart(new ImageBlock(published.Url, $"{chart.Title}. {summary}"), t["chart.link_expires", t.Date(expires)]);
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace PmBot.Channels.Slack;

/// <summary>
/// Text rules of Slack's formats: escaping for <c>mrkdwn</c>, reading typed text back, truncation that keeps
/// surrogate pairs and entities whole, and monospace display widths.
/// </summary>
public static partial class SlackText
{
    public const string Ellipsis = "…";

    /// <summary>
    /// Escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> as Slack wants in mrkdwn and message text, keeping user mentions
    /// (<c>&lt;@U123&gt;</c>, <c>&lt;@W123|name&gt;</c>) live. Every other control sequence (<c>&lt;!channel&gt;</c>,
    /// links) is escaped, so text a member typed can never ping a channel.
    /// </summary>
    public static string EscapeMrkdwn(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
            return text;
        var result = new StringBuilder(text.Length + 16);
        var last = 0;
        foreach (Match mention in UserMention().Matches(text))
        {
            AppendEscaped(result, text.AsSpan(last, mention.Index - last));
            result.Append(mention.Value);
            last = mention.Index + mention.Length;
        }
        AppendEscaped(result, text.AsSpan(last));
        return result.ToString();
    }

    private static void AppendEscaped(StringBuilder result, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => result.Append("&amp;"),
                '<' => result.Append("&lt;"),
                '>' => result.Append("&gt;"),
                _ => result.Append(c),
            };
        }
    }

    /// <summary>
    /// Typed Slack text (a message, a slash command's text) as the member typed it: links Slack added
    /// (<c>&lt;https://x.io|x.io&gt;</c>, <c>&lt;mailto:a@b.c|a@b.c&gt;</c>) become their label, channel and user
    /// mentions stay as Slack wrote them (Core parses <c>&lt;@U…&gt;</c>), and <c>&amp;amp;</c>, <c>&amp;lt;</c>,
    /// <c>&amp;gt;</c> are unescaped.
    /// </summary>
    public static string FromTyped(string text)
    {
        var unlinked = Link().Replace(text, m => m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["url"].Value);
        return unlinked.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> UTF-16 units, ending with "…" when cut.</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
            return text;
        return text[..SafeCut(text, max - Ellipsis.Length)] + Ellipsis;
    }

    /// <summary>Like <see cref="Truncate"/> for escaped mrkdwn: never ends inside an entity (<c>&amp;amp;</c>) or a mention.</summary>
    public static string TruncateMrkdwn(string mrkdwn, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (mrkdwn.Length <= max)
            return mrkdwn;
        return mrkdwn[..SafeMrkdwnCut(mrkdwn, max - Ellipsis.Length)] + Ellipsis;
    }

    /// <summary>The largest cut position ≤ <paramref name="at"/> that splits no surrogate pair.</summary>
    internal static int SafeCut(string text, int at)
    {
        at = Math.Clamp(at, 0, text.Length);
        if (at > 0 && at < text.Length && char.IsHighSurrogate(text[at - 1]) && char.IsLowSurrogate(text[at]))
            at--;
        return at;
    }

    /// <summary>The largest cut position ≤ <paramref name="at"/> that splits no surrogate pair, entity or <c>&lt;…&gt;</c> sequence.</summary>
    internal static int SafeMrkdwnCut(string text, int at)
    {
        at = SafeCut(text, at);
        if (at >= text.Length)
            return at;
        var amp = text.LastIndexOf('&', Math.Max(at - 1, 0));
        if (amp >= 0 && amp < at && text.IndexOf(';', amp) is var semi && semi >= at && semi - amp <= 5)
            at = amp;
        var open = text.LastIndexOf('<', Math.Max(at - 1, 0));
        if (open >= 0 && open < at && text.IndexOf('>', open) is var close && close >= at)
            at = open;
        return at;
    }

    /// <summary>Columns a monospace font gives <paramref name="text"/>: East Asian wide and full-width characters take two.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                codePoint = char.ConvertToUtf32(text[i], text[++i]);
            width += IsWide(codePoint) ? 2 : 1;
        }
        return width;
    }

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F // Hangul Jamo
            or >= 0x2E80 and <= 0x303E // CJK radicals, punctuation
            or >= 0x3041 and <= 0x33FF // kana, CJK symbols
            or >= 0x3400 and <= 0x4DBF // CJK extension A
            or >= 0x4E00 and <= 0x9FFF // CJK unified
            or >= 0xA000 and <= 0xA4CF // Yi
            or >= 0xAC00 and <= 0xD7A3 // Hangul syllables
            or >= 0xF900 and <= 0xFAFF // CJK compatibility
            or >= 0xFE30 and <= 0xFE4F // CJK compatibility forms
            or >= 0xFF00 and <= 0xFF60 // full-width forms
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F // emoji
            or >= 0x1F680 and <= 0x1F6FF
            or >= 0x1F900 and <= 0x1F9FF
            or >= 0x20000 and <= 0x3FFFD; // CJK extensions B+

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxWidth"/> display columns, ending with "…" when cut.</summary>
    public static string TruncateWidth(string text, int maxWidth)
    {
        if (DisplayWidth(text) <= maxWidth)
            return text;
        var result = new StringBuilder();
        var width = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var step = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            var piece = text.Substring(i, step);
            var w = DisplayWidth(piece);
            if (width + w > maxWidth - 1)
                break;
            result.Append(piece);
            width += w;
            i += step - 1;
        }
        return result.Append(Ellipsis).ToString();
    }

    [GeneratedRegex(@"<@[UW][A-Z0-9]+(\|[^<>]*)?>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"<(?<url>(?:https?|mailto|tel):[^|<>]*)(?:\|(?<label>[^<>]*))?>")]
    private static partial Regex Link();
}

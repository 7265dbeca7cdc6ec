using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PmBot.Channels.Teams.Outbound;

/// <summary>
/// The message model's markdown subset (<c>*bold*</c>, <c>_italic_</c>, <c>`code`</c>, <c>```blocks```</c>, "- "
/// bullets, line breaks) as Adaptive Cards TextBlocks: <c>*bold*</c> becomes <c>**bold**</c>, <c>_italic_</c> stays,
/// inline code loses its backticks (Adaptive Cards markdown has no code span), a fenced block becomes its own
/// TextBlock with <c>fontType: Monospace</c>, bullets stay "- " lines, and other line breaks become paragraph
/// breaks (Adaptive Cards markdown needs a blank line to break a line outside a list).
/// </summary>
public static partial class AdaptiveMarkdown
{
    public static JsonArray ToTextBlocks(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var blocks = new JsonArray();
        var parts = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split("```");
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                var code = parts[i].Trim('\n');
                if (code.Length > 0)
                    blocks.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = code, ["fontType"] = "Monospace", ["wrap"] = true });
                continue;
            }
            var text = Convert(parts[i].Trim('\n'));
            if (text.Length > 0)
                blocks.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true });
        }
        if (blocks.Count == 0)
            blocks.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = " ", ["wrap"] = true });
        return blocks;
    }

    /// <summary>Converts plain (non-fenced) lines.</summary>
    public static string Convert(string text)
    {
        var result = new StringBuilder();
        var previousBullet = false;
        var first = true;
        foreach (var raw in text.Split('\n'))
        {
            var bullet = raw.StartsWith("- ", StringComparison.Ordinal) || raw.StartsWith("• ", StringComparison.Ordinal);
            var line = bullet ? "- " + Inline(raw[2..]) : Inline(raw);
            if (!first)
                result.Append(bullet && previousBullet ? "\n" : "\n\n");
            result.Append(line);
            previousBullet = bullet;
            first = false;
        }
        return result.ToString();
    }

    private static string Inline(string text)
    {
        text = Code().Replace(text, "$1");
        text = Bold().Replace(text, "$1**$2**");
        return text;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"(^|[\s(>])\*([^*\s][^*]*?)\*(?=$|[\s.,:;!?)<])")]
    private static partial Regex Bold();
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PmBot.Channels.WebChat;

/// <summary>
/// The message model's markdown subset as safe HTML: everything is HTML-encoded first, then <c>```blocks```</c>,
/// <c>`code`</c>, <c>*bold*</c>, <c>_italic_</c>, "- " bullets and line breaks are turned into tags.
/// </summary>
public static partial class Markdown
{
    public static string ToHtml(string markdown)
    {
        var html = new StringBuilder();
        var parts = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split("```");
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                html.Append("<pre><code>").Append(WebUtility.HtmlEncode(parts[i].Trim('\n'))).Append("</code></pre>");
                continue;
            }
            var inList = false;
            var lines = parts[i].Split('\n');
            for (var j = 0; j < lines.Length; j++)
            {
                var line = lines[j];
                var bullet = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("• ", StringComparison.Ordinal);
                if (bullet && !inList)
                {
                    html.Append("<ul>");
                    inList = true;
                }
                else if (!bullet && inList)
                {
                    html.Append("</ul>");
                    inList = false;
                }
                if (bullet)
                {
                    html.Append("<li>").Append(Inline(line[2..])).Append("</li>");
                }
                else
                {
                    html.Append(Inline(line));
                    if (j < lines.Length - 1)
                        html.Append("<br>");
                }
            }
            if (inList)
                html.Append("</ul>");
        }
        return html.ToString();
    }

    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        encoded = Code().Replace(encoded, "<code>$1</code>");
        encoded = Bold().Replace(encoded, "$1<strong>$2</strong>");
        encoded = Italic().Replace(encoded, "$1<em>$2</em>");
        return encoded;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"(^|[\s(>])\*([^*\s][^*]*?)\*(?=$|[\s.,:;!?)<])")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(^|[\s(>])_([^_\s][^_]*?)_(?=$|[\s.,:;!?)<])")]
    private static partial Regex Italic();
}

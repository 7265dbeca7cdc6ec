using System.Net;
using System.Text;
using PmBot.Core.Messages;

namespace PmBot.Channels.WebChat;

/// <summary>
/// Renders the message model as an HTML fragment for the built-in web chat. All text is encoded; buttons and
/// forms carry their command in <c>data-command</c> and the page posts it back. Class names are the page's CSS.
/// </summary>
public static class WebChatHtmlRenderer
{
    public static string Render(OutboundMessage message)
    {
        var html = new StringBuilder("<div class=\"pm-message\">");
        foreach (var block in message.Blocks)
            Render(html, block);
        return html.Append("</div>").ToString();
    }

    private static void Render(StringBuilder html, Block block)
    {
        switch (block)
        {
            case HeadingBlock heading:
                html.Append("<h3 class=\"pm-heading\">").Append(E(heading.Text)).Append("</h3>");
                break;
            case TextBlock text:
                html.Append("<div class=\"pm-text\">").Append(Markdown.ToHtml(text.Markdown)).Append("</div>");
                break;
            case FieldsBlock fields:
                html.Append("<dl class=\"pm-fields\">");
                foreach (var field in fields.Fields)
                    html.Append("<div><dt>").Append(E(field.Label)).Append("</dt><dd>").Append(E(field.Value)).Append("</dd></div>");
                html.Append("</dl>");
                break;
            case TableBlock table:
                html.Append("<div class=\"pm-table-wrap\"><table class=\"pm-table\"><thead><tr>");
                foreach (var column in table.Columns)
                    html.Append("<th>").Append(E(column)).Append("</th>");
                html.Append("</tr></thead><tbody>");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>");
                    foreach (var cell in row)
                        html.Append("<td>").Append(E(cell)).Append("</td>");
                    html.Append("</tr>");
                }
                html.Append("</tbody></table></div>");
                break;
            case ImageBlock image:
                if (!IsSafeUrl(image.Url))
                    break;
                html.Append("<figure class=\"pm-image\"><img src=\"").Append(E(image.Url)).Append("\" alt=\"").Append(E(image.AltText)).Append("\" loading=\"lazy\">");
                if (image.Title is not null)
                    html.Append("<figcaption>").Append(E(image.Title)).Append("</figcaption>");
                html.Append("</figure>");
                break;
            case FileBlock file:
                if (!IsSafeUrl(file.Url))
                    break;
                html.Append("<p class=\"pm-file\"><a href=\"").Append(E(file.Url)).Append("\" download=\"").Append(E(file.FileName))
                    .Append("\">⬇ ").Append(E(file.Title ?? file.FileName)).Append("</a></p>");
                break;
            case ContextBlock context:
                html.Append("<p class=\"pm-context\">").Append(Markdown.ToHtml(context.Text)).Append("</p>");
                break;
            case ActionsBlock actions:
                html.Append("<div class=\"pm-actions\">");
                foreach (var button in actions.Buttons)
                {
                    html.Append("<button type=\"button\" class=\"pm-button").Append(button.Style switch
                    {
                        ButtonStyle.Primary => " pm-primary",
                        ButtonStyle.Danger => " pm-danger",
                        _ => "",
                    }).Append("\" data-command=\"").Append(E(button.Command)).Append("\">").Append(E(button.Label)).Append("</button>");
                }
                html.Append("</div>");
                break;
            case FormBlock form:
                RenderForm(html, form);
                break;
            default:
                throw new NotSupportedException($"The web chat renderer has no case for {block.GetType().Name}.");
        }
    }

    private static void RenderForm(StringBuilder html, FormBlock form)
    {
        html.Append("<form class=\"pm-form\" data-command=\"").Append(E(form.Command)).Append("\"><h4>").Append(E(form.Title)).Append("</h4>");
        foreach (var input in form.Inputs)
        {
            var id = E(input.Name);
            html.Append("<label class=\"pm-field\"><span class=\"pm-label\">").Append(E(input.Label));
            if (input.Required)
                html.Append(" <span class=\"pm-required\" aria-hidden=\"true\">*</span>");
            html.Append("</span>");
            var required = input.Required ? " required" : "";
            var placeholder = input.Placeholder is null ? "" : $" placeholder=\"{E(input.Placeholder)}\"";
            var value = E(input.InitialValue ?? "");
            switch (input.Kind)
            {
                case InputKind.Multiline:
                    html.Append($"<textarea name=\"{id}\" rows=\"3\"{required}{placeholder}>{value}</textarea>");
                    break;
                case InputKind.Select:
                    html.Append($"<select name=\"{id}\"{required}>");
                    if (!input.Required || input.InitialValue is null)
                        html.Append("<option value=\"\"></option>");
                    foreach (var choice in input.Choices ?? [])
                    {
                        var selected = choice.Value == input.InitialValue ? " selected" : "";
                        html.Append($"<option value=\"{E(choice.Value)}\"{selected}>{E(choice.Label)}</option>");
                    }
                    html.Append("</select>");
                    break;
                default:
                    var type = input.Kind switch
                    {
                        InputKind.Number => "number",
                        InputKind.Date => "text",
                        _ => "text",
                    };
                    var list = input.Kind == InputKind.Person ? " list=\"pm-people\" autocomplete=\"off\"" : "";
                    if (input.Kind == InputKind.Person && placeholder.Length == 0)
                        placeholder = " placeholder=\"@name\"";
                    html.Append($"<input type=\"{type}\" name=\"{id}\" value=\"{value}\"{required}{placeholder}{list}>");
                    break;
            }
            html.Append($"<span class=\"pm-error\" data-error-for=\"{id}\"></span></label>");
        }
        html.Append("<div class=\"pm-actions\"><button type=\"submit\" class=\"pm-button pm-primary\">").Append(E(form.SubmitLabel)).Append("</button></div></form>");
    }

    private static bool IsSafeUrl(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        || Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

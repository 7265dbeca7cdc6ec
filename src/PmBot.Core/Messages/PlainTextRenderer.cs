using System.Text;

namespace PmBot.Core.Messages;

/// <summary>
/// The message as plain lines: notification previews, logs, and transcript assertions. Markdown marks are kept
/// as typed; tables become "a | b" rows; buttons become "[Label]".
/// </summary>
public static class PlainTextRenderer
{
    public static string Render(OutboundMessage message)
    {
        var text = new StringBuilder();
        foreach (var block in message.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    text.AppendLine(h.Text);
                    break;
                case TextBlock t:
                    text.AppendLine(t.Markdown);
                    break;
                case FieldsBlock f:
                    foreach (var field in f.Fields)
                        text.Append(field.Label).Append(": ").AppendLine(field.Value);
                    break;
                case TableBlock table:
                    text.AppendLine(string.Join(" | ", table.Columns));
                    foreach (var row in table.Rows)
                        text.AppendLine(string.Join(" | ", row));
                    break;
                case ImageBlock i:
                    text.Append('[').Append(i.Title ?? i.AltText).Append("] ").AppendLine(i.Url);
                    break;
                case FileBlock f:
                    text.Append('[').Append(f.Title ?? f.FileName).Append("] ").AppendLine(f.Url);
                    break;
                case ContextBlock c:
                    text.AppendLine(c.Text);
                    break;
                case ActionsBlock a:
                    text.AppendLine(string.Join(" ", a.Buttons.Select(b => $"[{b.Label}]")));
                    break;
                case FormBlock form:
                    text.Append("{form ").Append(form.Command).Append(": ")
                        .Append(string.Join(", ", form.Inputs.Select(i => i.InitialValue is null ? i.Name : $"{i.Name}={i.InitialValue}")))
                        .AppendLine("}");
                    break;
                default:
                    throw new NotSupportedException($"No plain-text case for {block.GetType().Name}.");
            }
        }
        return text.ToString().TrimEnd();
    }
}

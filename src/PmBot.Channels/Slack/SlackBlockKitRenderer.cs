using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Channels.Slack;

/// <summary>Choices the message model leaves to the channel.</summary>
public sealed record SlackRenderOptions
{
    /// <summary>PmBot's public address: Slack fetches images itself, so relative image URLs are resolved against it.</summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>The label of the button that opens a message's form as a modal (localize it per member).</summary>
    public string OpenFormLabel { get; init; } = "Open form";

    /// <summary>The label of a modal's close button.</summary>
    public string CloseLabel { get; init; } = "Cancel";

    public static SlackRenderOptions Default { get; } = new();
}

/// <summary>
/// A message rendered for Slack: one or more pages of at most 50 blocks (post each as its own message, in order)
/// and the fallback <see cref="Text"/> (≤ 40,000 characters) that notifications and screen readers use.
/// </summary>
public sealed record SlackMessagePages(IReadOnlyList<JsonArray> Pages, string Text)
{
    /// <summary>The <c>text</c> + <c>blocks</c> of page <paramref name="page"/>, for <c>chat.postMessage</c> and friends.</summary>
    public JsonObject Payload(int page) => new()
    {
        ["text"] = Text,
        ["blocks"] = Pages[page].DeepClone(),
    };
}

/// <summary>
/// Renders the channel-neutral message model as Slack Block Kit JSON, within Slack's limits (<see cref="SlackLimits"/>):
/// long text is split into several sections on line boundaries, more than 10 fields or 25 buttons into several
/// blocks, more than 50 blocks into several messages (pages); short labels are cut with "…". Commands and input
/// names are never cut: a button whose command is too long for its value is left out.
/// <list type="bullet">
/// <item>heading → <c>header</c>; text → <c>section</c> mrkdwn (<c>*bold*</c>, <c>_italic_</c>, code kept; "- " bullets become "•");</item>
/// <item>fields → section <c>fields</c> ("*Label*\nvalue"); table → a monospace code block, header repeated per section;</item>
/// <item>image → <c>image</c> (a relative URL needs <see cref="SlackRenderOptions.PublicBaseUrl"/>, else its alt text shows as context);</item>
/// <item>context → <c>context</c>; actions → <c>actions</c> of buttons (<c>value</c> = the command, <c>action_id</c> <c>cmd-N</c>);</item>
/// <item>form → a section with an "open form" button (see <see cref="SlackFormButton"/>); <see cref="RenderModal"/> renders the modal.</item>
/// </list>
/// Text is escaped for mrkdwn (<c>&amp; &lt; &gt;</c>); user mentions <c>&lt;@U…&gt;</c> stay live, nothing else can ping.
/// </summary>
public static class SlackBlockKitRenderer
{
    private const int TableCellWidth = 40;
    private const int TableLineLength = 900;
    private const string Fence = "```";

    /// <summary>The whole message as pages of ≤ 50 blocks plus its fallback text.</summary>
    public static SlackMessagePages RenderMessage(OutboundMessage message, SlackRenderOptions? options = null)
    {
        var blocks = RenderBlocks(message.Blocks, options ?? SlackRenderOptions.Default);
        var pages = blocks.Chunk(SlackLimits.BlocksPerMessage).Select(page => new JsonArray([.. page])).ToList();
        if (pages.Count == 0)
            pages.Add([]);
        return new SlackMessagePages(pages, FallbackText(message));
    }

    /// <summary>The fallback <c>text</c>: the model's fallback (or its plain rendering when blank), escaped, ≤ 40,000 characters.</summary>
    public static string FallbackText(OutboundMessage message)
    {
        var text = string.IsNullOrWhiteSpace(message.FallbackText) ? PlainTextRenderer.Render(message) : message.FallbackText;
        return SlackText.TruncateMrkdwn(SlackText.EscapeMrkdwn(text), SlackLimits.MessageText);
    }

    /// <summary>The App Home tab: a <c>home</c> view of the message's first 100 blocks (publish it with <c>views.publish</c>).</summary>
    public static JsonObject RenderHome(OutboundMessage message, SlackRenderOptions? options = null)
    {
        var blocks = RenderBlocks(message.Blocks, options ?? SlackRenderOptions.Default).Take(SlackLimits.BlocksPerView);
        return new JsonObject
        {
            ["type"] = "home",
            ["blocks"] = new JsonArray([.. blocks]),
        };
    }

    /// <summary>
    /// A form as a <c>modal</c> view (for <c>views.open</c>, or <c>views.update</c>). Each input is an <c>input</c>
    /// block whose <c>block_id</c> and <c>action_id</c> are the input's name; <paramref name="errors"/> (input name →
    /// message) show as the inputs' hints.
    /// </summary>
    /// <param name="callbackId">Usually <see cref="SlackModalMetadata.CallbackId"/>.</param>
    /// <param name="privateMetadata">Usually <see cref="SlackModalMetadata.ToJson"/>; at most 3000 characters.</param>
    public static JsonObject RenderModal(FormBlock form, string callbackId, string privateMetadata, IReadOnlyDictionary<string, string>? errors = null, SlackRenderOptions? options = null)
    {
        options ??= SlackRenderOptions.Default;
        if (callbackId.Length > SlackLimits.CallbackId)
            throw new ArgumentException($"A callback_id may have {SlackLimits.CallbackId} characters.", nameof(callbackId));
        if (privateMetadata.Length > SlackLimits.PrivateMetadata)
            throw new ArgumentException($"private_metadata may have {SlackLimits.PrivateMetadata} characters.", nameof(privateMetadata));

        var blocks = new JsonArray();
        foreach (var input in form.Inputs.Take(SlackLimits.BlocksPerView))
        {
            if (input.Name.Length is 0 or > SlackLimits.BlockId)
                throw new ArgumentException($"Input name '{input.Name}' cannot be a block_id (1 to {SlackLimits.BlockId} characters).", nameof(form));
            var block = new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = input.Name,
                ["label"] = Plain(NonEmpty(input.Label, input.Name), SlackLimits.InputLabel),
                ["optional"] = !input.Required,
                ["element"] = InputElement(input),
            };
            if (errors is not null && errors.TryGetValue(input.Name, out var error) && error.Length > 0)
                block["hint"] = Plain("⚠️ " + error, SlackLimits.InputHint);
            blocks.Add(block);
        }
        if (blocks.Count == 0)
            blocks.Add(Section(Bold(form.Title)));

        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = callbackId,
            ["title"] = Plain(NonEmpty(form.Title, form.Command), SlackLimits.ViewTitle),
            ["submit"] = Plain(NonEmpty(form.SubmitLabel, "OK"), SlackLimits.ViewSubmitText),
            ["close"] = Plain(NonEmpty(options.CloseLabel, "Cancel"), SlackLimits.ViewCloseText),
            ["blocks"] = blocks,
        };
        if (privateMetadata.Length > 0)
            view["private_metadata"] = privateMetadata;
        return view;
    }

    /// <summary>The <c>view_submission</c> answer that keeps the modal open with a message under each named input.</summary>
    public static JsonObject ErrorsFor(IReadOnlyDictionary<string, string> formErrors)
    {
        var errors = new JsonObject();
        foreach (var (name, message) in formErrors)
            errors[name] = SlackText.Truncate(NonEmpty(message, "!"), SlackLimits.InputHint);
        return new JsonObject
        {
            ["response_action"] = "errors",
            ["errors"] = errors,
        };
    }

    /// <summary>Converts the model's markdown subset to escaped Slack mrkdwn.</summary>
    public static string ToMrkdwn(string markdown)
    {
        var lines = SlackText.EscapeMrkdwn(markdown.Replace("\r\n", "\n", StringComparison.Ordinal)).Split('\n');
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!inFence && lines[i].StartsWith("- ", StringComparison.Ordinal))
                lines[i] = "• " + lines[i][2..];
            if (CountFences(lines[i]) % 2 == 1)
                inFence = !inFence;
        }
        return string.Join('\n', lines);
    }

    // ---------- Blocks ----------

    private static List<JsonObject> RenderBlocks(IEnumerable<Block> blocks, SlackRenderOptions options)
    {
        var result = new List<JsonObject>();
        var actionIds = 0;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    if (!string.IsNullOrWhiteSpace(heading.Text))
                        result.Add(new JsonObject { ["type"] = "header", ["text"] = Plain(heading.Text, SlackLimits.HeaderText) });
                    break;
                case TextBlock text:
                    result.AddRange(SplitMrkdwn(ToMrkdwn(text.Markdown), SlackLimits.SectionText).Select(Section));
                    break;
                case FieldsBlock fields:
                    foreach (var chunk in fields.Fields.Chunk(SlackLimits.SectionFields))
                    {
                        result.Add(new JsonObject
                        {
                            ["type"] = "section",
                            ["fields"] = new JsonArray([.. chunk.Select(f => Mrkdwn(FieldText(f), SlackLimits.FieldText))]),
                        });
                    }
                    break;
                case TableBlock table:
                    result.AddRange(TableSections(table).Select(Section));
                    break;
                case ImageBlock image:
                    result.Add(Image(image, options));
                    break;
                case FileBlock file:
                    result.Add(File(file, options));
                    break;
                case ContextBlock context:
                    if (!string.IsNullOrWhiteSpace(context.Text))
                        result.Add(Context(ToMrkdwn(context.Text)));
                    break;
                case ActionsBlock actions:
                    var buttons = actions.Buttons.Where(b => b.Command.Length <= SlackLimits.ButtonValue)
                        .Select(b => Button(NonEmpty(b.Label, b.Command), b.Command, "cmd-" + actionIds++, b.Style)).ToList();
                    foreach (var chunk in buttons.Chunk(SlackLimits.ActionsElements))
                        result.Add(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. chunk]) });
                    break;
                case FormBlock form:
                    var section = Section(Bold(NonEmpty(form.Title, form.Command)));
                    section["accessory"] = Button(options.OpenFormLabel, SlackFormButton.Value(form), "form-" + actionIds++, ButtonStyle.Primary);
                    result.Add(section);
                    break;
                default:
                    throw new NotSupportedException($"The Slack renderer has no case for {block.GetType().Name}.");
            }
        }
        return result;
    }

    private static string FieldText(Field field)
    {
        var label = SlackText.EscapeMrkdwn(field.Label.Replace("*", "", StringComparison.Ordinal).Replace('\n', ' ').Trim());
        var value = field.Value.Length == 0 ? "—" : ToMrkdwn(field.Value);
        return label.Length == 0 ? value : "*" + SlackText.TruncateMrkdwn(label, 200) + "*\n" + value;
    }

    private static JsonObject Image(ImageBlock image, SlackRenderOptions options)
    {
        var url = PublicUrl.Resolve(image.Url, options.PublicBaseUrl);
        if (url is null || url.Length > SlackLimits.ImageUrl)
            return Context(SlackText.EscapeMrkdwn(NonEmpty(image.Title ?? image.AltText, image.AltText)));
        var block = new JsonObject
        {
            ["type"] = "image",
            ["image_url"] = url,
            ["alt_text"] = SlackText.Truncate(NonEmpty(image.AltText, image.Title ?? "image"), SlackLimits.ImageAltText),
        };
        if (!string.IsNullOrWhiteSpace(image.Title))
            block["title"] = Plain(image.Title, SlackLimits.ImageTitle);
        return block;
    }

    private static JsonObject File(FileBlock file, SlackRenderOptions options)
    {
        var label = SlackText.EscapeMrkdwn(NonEmpty(file.Title ?? file.FileName, file.FileName));
        var url = PublicUrl.Resolve(file.Url, options.PublicBaseUrl);
        return url is null ? Context(label) : Section(SlackText.TruncateMrkdwn($"⬇ <{url}|{label}>", SlackLimits.SectionText));
    }

    private static JsonObject Button(string label, string value, string actionId, ButtonStyle style)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = Plain(label, SlackLimits.ButtonText),
            ["action_id"] = actionId,
        };
        if (value.Length > 0)
            button["value"] = value;
        if (style != ButtonStyle.Default)
            button["style"] = style == ButtonStyle.Primary ? "primary" : "danger";
        return button;
    }

    private static JsonObject InputElement(FormInput input)
    {
        var element = new JsonObject();
        var initial = string.IsNullOrEmpty(input.InitialValue) ? null : input.InitialValue;
        switch (input.Kind)
        {
            case InputKind.Number:
                element["type"] = "number_input";
                element["is_decimal_allowed"] = false;
                element["action_id"] = input.Name;
                if (long.TryParse(initial, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                    element["initial_value"] = number.ToString(CultureInfo.InvariantCulture);
                break;
            case InputKind.Date:
                element["type"] = "datepicker";
                element["action_id"] = input.Name;
                if (DateOnly.TryParseExact(initial, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    element["initial_date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case InputKind.Select when input.Choices is { Count: > 0 } choices:
                element["type"] = "static_select";
                element["action_id"] = input.Name;
                var options = new JsonArray();
                JsonObject? selected = null;
                foreach (var choice in choices.Where(c => c.Value.Length is > 0 and <= SlackLimits.OptionValue).Take(SlackLimits.SelectOptions))
                {
                    options.Add(Option(choice));
                    if (choice.Value == initial && selected is null)
                        selected = Option(choice);
                }
                element["options"] = options;
                if (selected is not null)
                    element["initial_option"] = selected;
                break;
            case InputKind.Person:
                element["type"] = "users_select";
                element["action_id"] = input.Name;
                if (initial is not null && MentionRef.TryParse(initial, out var mention) && mention.UserId is not null)
                    element["initial_user"] = mention.UserId;
                break;
            default:
                // Text, Multiline, and a Select that offers no choices.
                element["type"] = "plain_text_input";
                element["action_id"] = input.Name;
                if (input.Kind == InputKind.Multiline)
                    element["multiline"] = true;
                if (initial is not null)
                    element["initial_value"] = initial;
                break;
        }
        if (!string.IsNullOrWhiteSpace(input.Placeholder))
            element["placeholder"] = Plain(input.Placeholder, SlackLimits.Placeholder);
        return element;
    }

    private static JsonObject Option(Choice choice) => new()
    {
        ["text"] = Plain(NonEmpty(choice.Label, choice.Value), SlackLimits.OptionText),
        ["value"] = choice.Value,
    };

    // ---------- Text splitting ----------

    /// <summary>Splits mrkdwn into pieces of ≤ <paramref name="max"/> on line boundaries, closing and reopening a code fence cut in two.</summary>
    internal static List<string> SplitMrkdwn(string mrkdwn, int max)
    {
        var pieces = new List<string>();
        if (string.IsNullOrWhiteSpace(mrkdwn))
            return pieces;
        var reserve = Fence.Length * 2 + 2; // a reopened fence "```\n" and a closing "\n```"
        var current = new StringBuilder();
        var inFence = false;
        foreach (var line in mrkdwn.Split('\n').SelectMany(l => HardSplit(l, max - reserve)))
        {
            var needed = (current.Length > 0 ? current.Length + 1 : 0) + line.Length;
            var fenceAfter = inFence ^ (CountFences(line) % 2 == 1);
            if (current.Length > 0 && needed + (fenceAfter ? Fence.Length + 1 : 0) > max)
            {
                if (inFence)
                    current.Append('\n').Append(Fence);
                pieces.Add(current.ToString());
                current.Clear();
                if (inFence)
                    current.Append(Fence).Append('\n');
            }
            else if (current.Length > 0)
            {
                current.Append('\n');
            }
            current.Append(line);
            inFence = fenceAfter;
        }
        if (current.Length > 0 && current.ToString().Trim() is { Length: > 0 } rest && rest != Fence)
            pieces.Add(current.ToString());
        return pieces;
    }

    private static IEnumerable<string> HardSplit(string line, int max)
    {
        while (line.Length > max)
        {
            var cut = SlackText.SafeMrkdwnCut(line, max);
            if (cut == 0)
                cut = SlackText.SafeCut(line, max);
            yield return line[..cut];
            line = line[cut..];
        }
        yield return line;
    }

    private static int CountFences(string line)
    {
        var count = 0;
        for (var at = line.IndexOf(Fence, StringComparison.Ordinal); at >= 0; at = line.IndexOf(Fence, at + Fence.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    // ---------- Tables ----------

    /// <summary>A table as monospace code blocks of ≤ 3000 characters each, columns padded by display width (CJK counts two).</summary>
    private static IEnumerable<string> TableSections(TableBlock table)
    {
        var columnCount = Math.Max(table.Columns.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count));
        if (columnCount == 0)
            yield break;
        string Cell(IReadOnlyList<string> row, int i) =>
            i < row.Count ? SlackText.TruncateWidth(row[i].Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ').Trim(), TableCellWidth) : "";
        var header = Enumerable.Range(0, columnCount).Select(i => Cell(table.Columns, i)).ToArray();
        var rows = table.Rows.Select(r => Enumerable.Range(0, columnCount).Select(i => Cell(r, i)).ToArray()).ToList();
        var widths = Enumerable.Range(0, columnCount).Select(i => rows.Append(header).Max(r => SlackText.DisplayWidth(r[i]))).ToArray();

        string Line(string[] cells)
        {
            var line = new StringBuilder();
            for (var i = 0; i < cells.Length; i++)
            {
                line.Append(cells[i]);
                if (i < cells.Length - 1)
                    line.Append(' ', widths[i] - SlackText.DisplayWidth(cells[i]) + 2);
            }
            return SlackText.TruncateMrkdwn(SlackText.EscapeMrkdwn(line.ToString().TrimEnd()), TableLineLength);
        }

        var head = Line(header) + "\n" + SlackText.Truncate(string.Join("  ", widths.Select(w => new string('-', Math.Max(w, 1)))), TableLineLength);
        var body = new StringBuilder();
        foreach (var row in rows.Select(Line))
        {
            // "```\n" + head + "\n" + body + "\n```"
            if (body.Length > 0 && Fence.Length + 1 + head.Length + 1 + body.Length + 1 + row.Length + 1 + Fence.Length > SlackLimits.SectionText)
            {
                yield return Fence + "\n" + head + "\n" + body + "\n" + Fence;
                body.Clear();
            }
            if (body.Length > 0)
                body.Append('\n');
            body.Append(row);
        }
        yield return Fence + "\n" + head + (body.Length > 0 ? "\n" + body : "") + "\n" + Fence;
    }

    // ---------- Objects ----------

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = Mrkdwn(mrkdwn, SlackLimits.SectionText),
    };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(Mrkdwn(mrkdwn, SlackLimits.ContextText)),
    };

    private static JsonObject Mrkdwn(string text, int max) => new()
    {
        ["type"] = "mrkdwn",
        ["text"] = SlackText.TruncateMrkdwn(text, max),
    };

    private static JsonObject Plain(string text, int max) => new()
    {
        ["type"] = "plain_text",
        ["text"] = SlackText.Truncate(text.Replace('\n', ' ').Trim(), max),
        ["emoji"] = true,
    };

    private static string Bold(string text) => "*" + SlackText.EscapeMrkdwn(text.Replace("*", "", StringComparison.Ordinal).Replace('\n', ' ').Trim()) + "*";

    private static string NonEmpty(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;
}

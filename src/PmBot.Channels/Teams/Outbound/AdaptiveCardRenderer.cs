using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PmBot.Core.Messages;
using MessageTextBlock = PmBot.Core.Messages.TextBlock;

namespace PmBot.Channels.Teams.Outbound;

/// <summary>One rendered activity and the blocks it shows.</summary>
public sealed record TeamsActivityPage(IReadOnlyList<Block> Blocks, JsonObject Activity);

/// <summary>
/// Renders the channel-neutral message model as Adaptive Cards 1.5 inside Bot Framework message activities.
/// <list type="bullet">
/// <item>Every block becomes body elements; buttons and form submits live in <c>ActionSet</c> elements in the body
/// (so several action rows and forms can share one card), the card-level <c>actions</c> stays unused.</item>
/// <item>Tables use the 1.5 <c>Table</c> element (header row first, <c>firstRowAsHeader</c>); no ColumnSet fallback,
/// Teams renders Table on desktop, web and mobile.</item>
/// <item>Buttons and form submits are <c>Action.Execute</c> (verb <see cref="Verb"/>) with an <c>Action.Submit</c>
/// fallback carrying the same data: <c>{"pmbot":{"command":…}}</c> for buttons, <c>{"pmbot":{"form":…}}</c> for
/// forms. The inbound side parses exactly this contract.</item>
/// <item>The fallback text goes into the activity's <c>summary</c> and <c>text</c> stays empty whenever a card is
/// attached: Teams splits an activity with text and an attachment into two messages (and returns no id).</item>
/// <item>An activity is kept under <see cref="DefaultMaxActivityBytes"/> of JSON; a larger message is split into
/// several activities (blocks are never cut across activities except tables, fact sets and long texts, which are
/// halved until they fit).</item>
/// </list>
/// </summary>
public sealed class AdaptiveCardRenderer
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string CardVersion = "1.5";

    /// <summary>The <c>Action.Execute</c> verb of every PmBot action.</summary>
    public const string Verb = "pmbot";

    /// <summary>The largest activity JSON (UTF-8 bytes) sent in one request; Teams rejects messages near 100 KB with 413.</summary>
    public const int DefaultMaxActivityBytes = 80_000;

    private readonly int _maxActivityBytes;
    private readonly Uri? _publicBaseUrl;

    /// <param name="maxActivityBytes">The largest activity JSON sent in one request.</param>
    /// <param name="publicBaseUrl">PmBot's public address: Teams fetches images itself, so relative image and file URLs are resolved against it.</param>
    public AdaptiveCardRenderer(int maxActivityBytes = DefaultMaxActivityBytes, Uri? publicBaseUrl = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxActivityBytes, 2_000);
        _maxActivityBytes = maxActivityBytes;
        _publicBaseUrl = publicBaseUrl;
    }

    public int MaxActivityBytes => _maxActivityBytes;

    /// <summary>The message as one or more <c>message</c> activities, each at most <see cref="MaxActivityBytes"/> of JSON.</summary>
    public IReadOnlyList<JsonObject> RenderActivities(OutboundMessage message) => RenderActivities(message, _maxActivityBytes);

    /// <summary>The message as activities of at most <paramref name="maxActivityBytes"/> (the sender asks for smaller ones after a 413).</summary>
    public IReadOnlyList<JsonObject> RenderActivities(OutboundMessage message, int maxActivityBytes) =>
        [.. RenderPages(message, maxActivityBytes).Select(p => p.Activity)];

    /// <summary>The activities with the blocks each one shows (a block split to fit appears as its parts).</summary>
    public IReadOnlyList<TeamsActivityPage> RenderPages(OutboundMessage message, int maxActivityBytes)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Blocks.Count == 0)
        {
            return string.IsNullOrEmpty(message.FallbackText)
                ? []
                : [new TeamsActivityPage([], new JsonObject { ["type"] = "message", ["text"] = message.FallbackText, ["textFormat"] = "plain" })];
        }

        var pages = new List<TeamsActivityPage>();
        var body = new JsonArray();
        var blocks = new List<Block>();
        foreach (var block in message.Blocks.SelectMany(b => Shrink(b, maxActivityBytes, message.FallbackText)))
        {
            var elements = RenderBlock(block, _publicBaseUrl);
            foreach (var element in elements)
                body.Add(element!.DeepClone());
            if (body.Count > elements.Count && Size(Activity(body, message.FallbackText)) > maxActivityBytes)
            {
                // This block overflows the current card: close it and start the next card with the block.
                for (var i = 0; i < elements.Count; i++)
                    body.RemoveAt(body.Count - 1);
                pages.Add(new TeamsActivityPage(blocks, Activity(body, message.FallbackText)));
                body = [];
                blocks = [];
                foreach (var element in elements)
                    body.Add(element!.DeepClone());
            }
            blocks.Add(block);
        }
        if (body.Count > 0)
            pages.Add(new TeamsActivityPage(blocks, Activity(body, message.FallbackText)));
        return pages;
    }

    /// <summary>The whole message as one card (for an invoke response that replaces the clicked card; not size-split).</summary>
    public JsonObject RenderCard(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonArray();
        foreach (var block in message.Blocks)
        {
            foreach (var element in RenderBlock(block, _publicBaseUrl))
                body.Add(element!.DeepClone());
        }
        return Card(body);
    }

    /// <summary>The attachment that carries a card in an activity.</summary>
    public static JsonObject Attachment(JsonObject card) => new() { ["contentType"] = CardContentType, ["content"] = card };

    /// <summary>
    /// The card body elements of one block. Image and file URLs must be absolute for Teams: relative ones are resolved
    /// against <paramref name="publicBaseUrl"/>, and without one an image shows as its alt text, a file as its name.
    /// </summary>
    public static JsonArray RenderBlock(Block block, Uri? publicBaseUrl = null) => block switch
    {
        HeadingBlock h => [new JsonObject
        {
            ["type"] = "TextBlock", ["text"] = h.Text, ["size"] = "Large", ["weight"] = "Bolder", ["wrap"] = true,
        }],
        MessageTextBlock t => AdaptiveMarkdown.ToTextBlocks(t.Markdown),
        FieldsBlock f => [new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray([.. f.Fields.Select(x => (JsonNode)new JsonObject { ["title"] = x.Label, ["value"] = x.Value })]),
        }],
        TableBlock table => [Table(table)],
        ImageBlock i => Image(i, publicBaseUrl),
        FileBlock f => [File(f, publicBaseUrl)],
        ContextBlock c => [new JsonObject
        {
            ["type"] = "TextBlock", ["text"] = c.Text, ["isSubtle"] = true, ["size"] = "Small", ["wrap"] = true,
        }],
        ActionsBlock a => [new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray([.. a.Buttons.Select(b => (JsonNode)Execute(b.Label, CommandData(b.Command), b.Style))]),
        }],
        FormBlock form => Form(form),
        _ => throw new NotSupportedException($"No Adaptive Card case for {block.GetType().Name}."),
    };

    /// <summary><c>{"pmbot":{"command":…}}</c>: what a button sends back.</summary>
    public static JsonObject CommandData(string command) => new() { ["pmbot"] = new JsonObject { ["command"] = command } };

    /// <summary><c>{"pmbot":{"form":…}}</c>: what a form submit sends back (with the inputs beside <c>pmbot</c>).</summary>
    public static JsonObject FormData(string command) => new() { ["pmbot"] = new JsonObject { ["form"] = command } };

    private static JsonObject Card(JsonArray body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = SchemaUrl,
        ["version"] = CardVersion,
        ["body"] = body,
    };

    private static JsonObject Activity(JsonArray body, string fallback)
    {
        var activity = new JsonObject { ["type"] = "message" };
        if (!string.IsNullOrEmpty(fallback))
            activity["summary"] = fallback;
        activity["attachments"] = new JsonArray(Attachment(Card((JsonArray)body.DeepClone())));
        return activity;
    }

    private static int Size(JsonNode node) => Encoding.UTF8.GetByteCount(node.ToJsonString());

    /// <summary>Splits a block whose own activity would be too large (tables, fact sets, texts), halving until each part fits.</summary>
    private IEnumerable<Block> Shrink(Block block, int maxBytes, string fallback)
    {
        if (Size(Activity(RenderBlock(block, _publicBaseUrl), fallback)) <= maxBytes)
            return [block];
        IEnumerable<Block>? halves = block switch
        {
            TableBlock { Rows.Count: > 1 } t => [t with { Rows = t.Rows.Take(t.Rows.Count / 2).ToArray() }, t with { Rows = t.Rows.Skip(t.Rows.Count / 2).ToArray() }],
            FieldsBlock { Fields.Count: > 1 } f => [new FieldsBlock(f.Fields.Take(f.Fields.Count / 2).ToArray()), new FieldsBlock(f.Fields.Skip(f.Fields.Count / 2).ToArray())],
            MessageTextBlock { Markdown.Length: > 1 } t => SplitText(t.Markdown).Select(s => (Block)new MessageTextBlock(s)),
            _ => null,
        };
        return halves is null ? [block] : halves.SelectMany(b => Shrink(b, maxBytes, fallback)).ToList();
    }

    private static string[] SplitText(string markdown)
    {
        var middle = markdown.Length / 2;
        var cut = markdown.LastIndexOf('\n', middle);
        if (cut <= 0 || markdown.AsSpan(0, cut).Count("```") % 2 == 1)
            cut = middle;
        return [markdown[..cut].TrimEnd('\n'), markdown[cut..].TrimStart('\n')];
    }

    private static JsonObject Table(TableBlock table)
    {
        var width = Math.Max(table.Columns.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count));
        var columns = new JsonArray();
        for (var i = 0; i < width; i++)
            columns.Add(new JsonObject { ["width"] = 1 });
        var rows = new JsonArray { Row(table.Columns, width, header: true) };
        foreach (var row in table.Rows)
            rows.Add(Row(row, width, header: false));
        return new JsonObject
        {
            ["type"] = "Table",
            ["columns"] = columns,
            ["rows"] = rows,
            ["firstRowAsHeader"] = true,
            ["gridStyle"] = "accent",
        };
    }

    private static JsonObject Row(IReadOnlyList<string> cells, int width, bool header)
    {
        var row = new JsonArray();
        for (var i = 0; i < width; i++)
        {
            var text = new JsonObject { ["type"] = "TextBlock", ["text"] = i < cells.Count ? cells[i] : "", ["wrap"] = true };
            if (header)
                text["weight"] = "Bolder";
            row.Add(new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray(text) });
        }
        return new JsonObject { ["type"] = "TableRow", ["cells"] = row };
    }

    private static JsonArray Image(ImageBlock image, Uri? publicBaseUrl)
    {
        var elements = new JsonArray();
        if (!string.IsNullOrEmpty(image.Title))
            elements.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = image.Title, ["weight"] = "Bolder", ["wrap"] = true });
        var url = PublicUrl.Resolve(image.Url, publicBaseUrl);
        elements.Add(url is null
            ? new JsonObject { ["type"] = "TextBlock", ["text"] = image.AltText, ["isSubtle"] = true, ["wrap"] = true }
            // allowExpand: Teams lets the reader open the chart full size.
            : new JsonObject { ["type"] = "Image", ["url"] = url, ["altText"] = image.AltText, ["msTeams"] = new JsonObject { ["allowExpand"] = true } });
        return elements;
    }

    private static JsonObject File(FileBlock file, Uri? publicBaseUrl)
    {
        var label = file.Title ?? file.FileName;
        var url = PublicUrl.Resolve(file.Url, publicBaseUrl);
        return new JsonObject { ["type"] = "TextBlock", ["text"] = url is null ? label : $"⬇ [{label}]({url})", ["wrap"] = true };
    }

    private static JsonObject Execute(string title, JsonObject data, ButtonStyle style)
    {
        var execute = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = Verb, ["data"] = data };
        var submit = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data.DeepClone() };
        var styleName = style switch
        {
            ButtonStyle.Primary => "positive",
            ButtonStyle.Danger => "destructive",
            _ => null,
        };
        if (styleName is not null)
        {
            execute["style"] = styleName;
            submit["style"] = styleName;
        }
        execute["fallback"] = submit;
        return execute;
    }

    private static JsonArray Form(FormBlock form)
    {
        var items = new JsonArray();
        if (!string.IsNullOrEmpty(form.Title))
            items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = form.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true });
        foreach (var input in form.Inputs)
            items.Add(Input(input));
        items.Add(new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray(Execute(form.SubmitLabel, FormData(form.Command), ButtonStyle.Primary)),
        });
        return [new JsonObject { ["type"] = "Container", ["items"] = items }];
    }

    private static JsonObject Input(FormInput input)
    {
        var element = new JsonObject();
        switch (input.Kind)
        {
            case InputKind.Text:
            case InputKind.Multiline:
                element["type"] = "Input.Text";
                if (input.Kind == InputKind.Multiline)
                    element["isMultiline"] = true;
                break;
            case InputKind.Person:
                element["type"] = "Input.Text";
                break;
            case InputKind.Number:
                element["type"] = "Input.Number";
                break;
            case InputKind.Date:
                element["type"] = "Input.Date";
                break;
            case InputKind.Select:
                element["type"] = "Input.ChoiceSet";
                element["style"] = "compact";
                element["choices"] = new JsonArray([.. (input.Choices ?? []).Select(c => (JsonNode)new JsonObject { ["title"] = c.Label, ["value"] = c.Value })]);
                break;
            default:
                throw new NotSupportedException($"No Adaptive Card input for {input.Kind}.");
        }
        element["id"] = input.Name;
        element["label"] = input.Label;
        if (input.Required)
        {
            element["isRequired"] = true;
            element["errorMessage"] = $"{input.Label} is required.";
        }
        var placeholder = input.Kind == InputKind.Person ? input.Placeholder ?? "@name" : input.Placeholder;
        if (!string.IsNullOrEmpty(placeholder))
            element["placeholder"] = placeholder;
        if (input.InitialValue is { } initial)
        {
            if (input.Kind == InputKind.Number)
            {
                if (double.TryParse(initial, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    element["value"] = number;
            }
            else
            {
                element["value"] = initial;
            }
        }
        return element;
    }
}

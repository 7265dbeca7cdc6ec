using System.Text.Json.Nodes;
using PmBot.Channels.Slack;

namespace PmBot.Channels.Tests.Slack;

/// <summary>
/// Walks rendered Block Kit JSON and lists every broken Slack limit (counts, lengths, empty texts, duplicate ids).
/// @slack/types checks the shape; this checks what it cannot.
/// </summary>
internal sealed class SlackLimitChecker
{
    private readonly List<string> problems = [];
    private readonly HashSet<string> actionIds = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> CheckMessage(JsonNode message)
    {
        var checker = new SlackLimitChecker();
        checker.Length("text", message["text"], SlackLimits.MessageText, allowEmpty: false);
        var pages = message["pages"]?.AsArray() ?? [];
        if (pages.Count == 0)
            checker.problems.Add("no pages");
        foreach (var (page, i) in pages.Select((p, i) => (p!.AsArray(), i)))
        {
            if (page.Count > SlackLimits.BlocksPerMessage)
                checker.problems.Add($"page {i}: {page.Count} blocks > {SlackLimits.BlocksPerMessage}");
            checker.Blocks($"pages[{i}]", page);
        }
        return checker.problems;
    }

    public static IReadOnlyList<string> CheckView(JsonNode view)
    {
        var checker = new SlackLimitChecker();
        var blocks = view["blocks"]?.AsArray() ?? [];
        if (blocks.Count > SlackLimits.BlocksPerView)
            checker.problems.Add($"view: {blocks.Count} blocks > {SlackLimits.BlocksPerView}");
        if (view["type"]?.GetValue<string>() == "modal")
        {
            checker.PlainText("title", view["title"], SlackLimits.ViewTitle);
            if (view["submit"] is not null)
                checker.PlainText("submit", view["submit"], SlackLimits.ViewSubmitText);
            if (view["close"] is not null)
                checker.PlainText("close", view["close"], SlackLimits.ViewCloseText);
            checker.Length("callback_id", view["callback_id"], SlackLimits.CallbackId, allowEmpty: true);
        }
        checker.Length("private_metadata", view["private_metadata"], SlackLimits.PrivateMetadata, allowEmpty: true);
        checker.Blocks("blocks", blocks);
        var blockIds = blocks.Select(b => b?["block_id"]?.GetValue<string>()).OfType<string>().ToList();
        if (blockIds.Count != blockIds.Distinct(StringComparer.Ordinal).Count())
            checker.problems.Add("duplicate block_id");
        return checker.problems;
    }

    private void Blocks(string path, JsonArray blocks)
    {
        foreach (var (block, i) in blocks.Select((b, i) => (b!, i)))
        {
            var at = $"{path}[{i}]";
            var type = block["type"]?.GetValue<string>();
            Length(at + ".block_id", block["block_id"], SlackLimits.BlockId, allowEmpty: true);
            switch (type)
            {
                case "header":
                    PlainText(at + ".text", block["text"], SlackLimits.HeaderText);
                    break;
                case "section":
                    if (block["text"] is null && block["fields"] is null)
                        problems.Add(at + ": a section without text or fields");
                    if (block["text"] is { } text)
                        Text(at + ".text", text, SlackLimits.SectionText);
                    if (block["fields"] is JsonArray fields)
                    {
                        if (fields.Count is 0 or > SlackLimits.SectionFields)
                            problems.Add($"{at}.fields: {fields.Count} fields");
                        foreach (var (field, f) in fields.Select((x, f) => (x, f)))
                            Text($"{at}.fields[{f}]", field, SlackLimits.FieldText);
                    }
                    if (block["accessory"] is { } accessory)
                        Element(at + ".accessory", accessory);
                    break;
                case "actions":
                    var elements = block["elements"]!.AsArray();
                    if (elements.Count is 0 or > SlackLimits.ActionsElements)
                        problems.Add($"{at}.elements: {elements.Count} elements");
                    foreach (var (element, e) in elements.Select((x, e) => (x!, e)))
                        Element($"{at}.elements[{e}]", element);
                    break;
                case "context":
                    var items = block["elements"]!.AsArray();
                    if (items.Count is 0 or > SlackLimits.ContextElements)
                        problems.Add($"{at}.elements: {items.Count} elements");
                    foreach (var (item, e) in items.Select((x, e) => (x, e)))
                        Text($"{at}.elements[{e}]", item, SlackLimits.ContextText);
                    break;
                case "image":
                    Length(at + ".image_url", block["image_url"], SlackLimits.ImageUrl, allowEmpty: false);
                    if (!(block["image_url"]?.GetValue<string>() ?? "").StartsWith("http", StringComparison.Ordinal))
                        problems.Add(at + ".image_url: not absolute");
                    Length(at + ".alt_text", block["alt_text"], SlackLimits.ImageAltText, allowEmpty: false);
                    if (block["title"] is { } title)
                        PlainText(at + ".title", title, SlackLimits.ImageTitle);
                    break;
                case "input":
                    PlainText(at + ".label", block["label"], SlackLimits.InputLabel);
                    if (block["hint"] is { } hint)
                        PlainText(at + ".hint", hint, SlackLimits.InputHint);
                    Element(at + ".element", block["element"]!);
                    break;
                default:
                    problems.Add($"{at}: unexpected block type '{type}'");
                    break;
            }
        }
    }

    private void Element(string at, JsonNode element)
    {
        var actionId = element["action_id"]?.GetValue<string>();
        Length(at + ".action_id", element["action_id"], SlackLimits.ActionId, allowEmpty: false);
        if (actionId is not null && !actionIds.Add(actionId))
            problems.Add($"{at}.action_id: '{actionId}' is not unique");
        if (element["placeholder"] is { } placeholder)
            PlainText(at + ".placeholder", placeholder, SlackLimits.Placeholder);
        switch (element["type"]?.GetValue<string>())
        {
            case "button":
                PlainText(at + ".text", element["text"], SlackLimits.ButtonText);
                Length(at + ".value", element["value"], SlackLimits.ButtonValue, allowEmpty: true);
                break;
            case "static_select":
                var options = element["options"]!.AsArray();
                if (options.Count is 0 or > SlackLimits.SelectOptions)
                    problems.Add($"{at}.options: {options.Count} options");
                foreach (var (option, o) in options.Append(element["initial_option"]).Where(x => x is not null).Select((x, o) => (x!, o)))
                {
                    PlainText($"{at}.options[{o}].text", option["text"], SlackLimits.OptionText);
                    Length($"{at}.options[{o}].value", option["value"], SlackLimits.OptionValue, allowEmpty: false);
                }
                break;
            case "plain_text_input" or "number_input" or "datepicker" or "users_select":
                break;
            case var other:
                problems.Add($"{at}: unexpected element type '{other}'");
                break;
        }
    }

    private void PlainText(string at, JsonNode? node, int max)
    {
        if (node?["type"]?.GetValue<string>() != "plain_text")
            problems.Add(at + ": not a plain_text object");
        Text(at, node, max);
    }

    private void Text(string at, JsonNode? node, int max)
    {
        if (node?["type"]?.GetValue<string>() is not ("plain_text" or "mrkdwn"))
            problems.Add(at + ": not a text object");
        Length(at + ".text", node?["text"], max, allowEmpty: false);
    }

    private void Length(string at, JsonNode? node, int max, bool allowEmpty)
    {
        if (node is null)
        {
            if (!allowEmpty)
                problems.Add(at + ": missing");
            return;
        }
        var text = node.GetValue<string>();
        if (text.Length > max)
            problems.Add($"{at}: {text.Length} characters > {max}");
        if (!allowEmpty && text.Trim().Length == 0)
            problems.Add(at + ": empty");
    }
}

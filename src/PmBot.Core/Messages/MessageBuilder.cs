namespace PmBot.Core.Messages;

/// <summary>Fluent helper that builds an <see cref="OutboundMessage"/> and its fallback text together.</summary>
public sealed class MessageBuilder
{
    private readonly List<Block> _blocks = [];
    private string? _fallback;

    public MessageBuilder Heading(string text)
    {
        _fallback ??= text;
        _blocks.Add(new HeadingBlock(text));
        return this;
    }

    public MessageBuilder Text(string markdown)
    {
        _fallback ??= markdown;
        _blocks.Add(new TextBlock(markdown));
        return this;
    }

    public MessageBuilder Fields(params Field[] fields)
    {
        _blocks.Add(new FieldsBlock(fields));
        return this;
    }

    public MessageBuilder Table(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        _blocks.Add(new TableBlock(columns, rows));
        return this;
    }

    public MessageBuilder Context(string text)
    {
        _blocks.Add(new ContextBlock(text));
        return this;
    }

    public MessageBuilder Actions(params ActionButton[] buttons)
    {
        if (buttons.Length > 0)
            _blocks.Add(new ActionsBlock(buttons));
        return this;
    }

    public MessageBuilder Add(Block block)
    {
        _blocks.Add(block);
        return this;
    }

    public MessageBuilder Fallback(string text)
    {
        _fallback = text;
        return this;
    }

    public OutboundMessage Build() => new(_blocks.ToArray(), _fallback ?? "");
}

using System.Text.Json.Serialization;

namespace PmBot.Core.Messages;

/// <summary>
/// One piece of a channel-neutral message. Every renderer (Block Kit, Adaptive Cards, HTML) has a case for
/// every block type; a lint test checks that.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeadingBlock), "heading")]
[JsonDerivedType(typeof(TextBlock), "text")]
[JsonDerivedType(typeof(FieldsBlock), "fields")]
[JsonDerivedType(typeof(TableBlock), "table")]
[JsonDerivedType(typeof(ImageBlock), "image")]
[JsonDerivedType(typeof(FileBlock), "file")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(FormBlock), "form")]
public abstract record Block;

/// <summary>A short title line.</summary>
public sealed record HeadingBlock(string Text) : Block;

/// <summary>Body text in a small markdown subset: <c>*bold*</c>, <c>_italic_</c>, <c>`code`</c>, line breaks, "- " bullets.</summary>
public sealed record TextBlock(string Markdown) : Block;

/// <summary>Label/value pairs shown as a compact grid.</summary>
public sealed record FieldsBlock(IReadOnlyList<Field> Fields) : Block;

public sealed record Field(string Label, string Value);

/// <summary>A table with a header row. Cells are plain text.</summary>
public sealed record TableBlock(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : Block;

/// <summary>A picture (a chart PNG served by PmBot at a signed URL).</summary>
public sealed record ImageBlock(string Url, string AltText, string? Title = null) : Block;

/// <summary>A file to download (a CSV export served by PmBot at a signed, expiring URL).</summary>
public sealed record FileBlock(string Url, string FileName, string? Title = null) : Block;

/// <summary>A small grey line of secondary information.</summary>
public sealed record ContextBlock(string Text) : Block;

/// <summary>Buttons. Each runs a command as if its member had typed it.</summary>
public sealed record ActionsBlock(IReadOnlyList<ActionButton> Buttons) : Block;

public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}

/// <param name="Label">What the button says.</param>
/// <param name="Command">The command text it runs, e.g. <c>project show APOLLO</c>.</param>
/// <param name="Style">How prominent it is.</param>
public sealed record ActionButton(string Label, string Command, ButtonStyle Style = ButtonStyle.Default);

/// <summary>
/// A form that submits to one command: each input's <see cref="FormInput.Name"/> is one of that command's
/// parameters. Slack shows it as a modal, Teams as Adaptive Card inputs, the web chat as an HTML form.
/// </summary>
public sealed record FormBlock(string Title, string Command, string SubmitLabel, IReadOnlyList<FormInput> Inputs) : Block;

public enum InputKind
{
    Text,
    Multiline,
    Number,
    Date,
    Select,
    Person,
}

public sealed record FormInput(
    string Name,
    string Label,
    InputKind Kind,
    bool Required = false,
    string? Placeholder = null,
    string? InitialValue = null,
    IReadOnlyList<Choice>? Choices = null);

public sealed record Choice(string Label, string Value);

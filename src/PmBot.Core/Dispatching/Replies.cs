using System.Globalization;
using System.Text;
using PmBot.Core.Conversation;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Dispatching;

/// <summary>Replies the dispatcher gives on its own: errors, usage, forms for missing input.</summary>
public static class Replies
{
    public static BotReply Error(string message) =>
        BotReply.Of(new MessageBuilder().Text("⚠️ " + message).Fallback(message).Build());

    /// <summary>What was wrong, the typed line with the bad token underlined, the usage line, and a suggestion.</summary>
    public static BotReply ParseError(Localizer t, string text, ParseResult result)
    {
        var error = result.Error!;
        var message = Message(t, error);
        var builder = new MessageBuilder().Fallback(message).Text("⚠️ " + message);
        if (error.At is { } at && text.Length > 0 && text.Length <= 300)
        {
            // Underline the token as typed (with its quotes and escapes), not its unquoted value.
            var start = Math.Min(at.Start, text.Length);
            var typed = text.Substring(start, Math.Clamp(at.Length, 0, text.Length - start));
            var marker = new StringBuilder().Append(' ', DisplayWidth(text, start)).Append('^', Math.Max(1, DisplayWidth(typed, typed.Length)));
            builder.Text($"```\n{text}\n{marker}\n```");
        }
        if (result.Spec is { } spec)
        {
            builder.Text(t["reply.usage", "`" + spec.Usage + "`"]);
            // Something missing: offer the command's form, pre-filled with what was given.
            if (error.MessageKey == "parse.missing")
                builder.Add(Form(t, spec, result.Partial));
        }
        else if (result.Suggestion is { } suggestion)
            builder.Text(t["reply.did_you_mean", "`" + suggestion + "`"]).Actions(
                new ActionButton(t["button.help_for", suggestion], "help " + suggestion),
                new ActionButton(t["button.all_commands"], "help"));
        else
            builder.Actions(new ActionButton(t["button.all_commands"], "help"));
        return BotReply.Of(builder.Build());
    }

    /// <summary>The error's text in the member's language, parameter names shown by their labels.</summary>
    public static string Message(Localizer t, ParseError error) =>
        t[error.MessageKey, error.Args.Select(a => a is ParamName p ? t["param." + p.Name] : a).ToArray()];

    /// <summary>A form for a command, pre-filled with what the member already gave.</summary>
    public static FormBlock Form(Localizer t, CommandSpec spec, IReadOnlyDictionary<string, object>? given = null)
    {
        var inputs = spec.Params.Select(p => new FormInput(
            p.Name,
            Capitalized(t["param." + p.Name], t),
            p.Kind switch
            {
                ParamKind.Date => InputKind.Date,
                ParamKind.Mention => InputKind.Person,
                ParamKind.Choice => InputKind.Select,
                ParamKind.Rest => InputKind.Multiline,
                _ => InputKind.Text,
            },
            p.Required,
            p.Kind == ParamKind.Date ? t["hint.date"] : null,
            given is not null && given.TryGetValue(p.Name, out var value) ? Format(value) : null,
            p.Choices?.Select(c => new Choice(t.Has("choice." + c) ? t["choice." + c] : c, c)).ToArray())).ToArray();
        return new FormBlock(t[spec.SummaryKey + ".title"], spec.Name, t["button.submit"], inputs);
    }

    public static BotReply FormReply(Localizer t, CommandSpec spec, IReadOnlyDictionary<string, object>? given = null) =>
        BotReply.Of(new MessageBuilder().Fallback(t[spec.SummaryKey + ".title"]).Add(Form(t, spec, given)).Build());

    private static string Capitalized(string label, Localizer t) =>
        label.Length == 0 ? label : char.ToUpper(label[0], t.Culture) + label[1..];

    private static string Format(object value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Columns a monospace font gives the first <paramref name="length"/> characters (CJK is two wide).</summary>
    private static int DisplayWidth(string text, int length)
    {
        var width = 0;
        for (var i = 0; i < length && i < text.Length; i++)
            width += text[i] >= 0x1100 && (text[i] <= 0x115F || (text[i] >= 0x2E80 && text[i] <= 0xA4CF) || (text[i] >= 0xAC00 && text[i] <= 0xD7A3) || (text[i] >= 0xF900 && text[i] <= 0xFAFF) || (text[i] >= 0xFF00 && text[i] <= 0xFF60)) ? 2 : 1;
        return width;
    }
}

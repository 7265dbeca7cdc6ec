using System.Text.Json;
using System.Text.Json.Serialization;
using PmBot.Core.Messages;

namespace PmBot.Channels.Slack;

/// <summary>
/// How a <see cref="FormBlock"/> in a message becomes a modal. Slack shows inputs only in modals, and a modal opens
/// only with the <c>trigger_id</c> of a click (valid 3 s), so a message shows the form as a section with an
/// "open form" button whose <c>value</c> carries the whole form: <c>pmbot-form:</c> + the form's compact JSON. The click
/// comes back as <see cref="SlackInteraction.OpenForm"/> with the form, and the server opens
/// <see cref="SlackBlockKitRenderer.RenderModal"/> at once, with no round trip through the bot.
/// A form whose JSON would pass the button's 2000-character limit (long choice lists) travels as
/// <c>pmbot-form-command:</c> + its command instead: the server runs that command, which answers with its form.
/// </summary>
public static class SlackFormButton
{
    public const string FormPrefix = "pmbot-form:";
    public const string CommandPrefix = "pmbot-form-command:";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The button value for <paramref name="form"/> (≤ 2000 characters).</summary>
    public static string Value(FormBlock form)
    {
        var value = FormPrefix + JsonSerializer.Serialize<Block>(form, Json);
        if (value.Length <= SlackLimits.ButtonValue)
            return value;
        return SlackText.Truncate(CommandPrefix + form.Command, SlackLimits.ButtonValue);
    }

    /// <summary>True when <paramref name="value"/> is an open-form button's; <paramref name="form"/> is null when only the command travelled.</summary>
    public static bool TryRead(string? value, out FormBlock? form, out string command)
    {
        form = null;
        command = "";
        if (value is null)
            return false;
        if (value.StartsWith(CommandPrefix, StringComparison.Ordinal))
        {
            command = value[CommandPrefix.Length..];
            return command.Length > 0;
        }
        if (!value.StartsWith(FormPrefix, StringComparison.Ordinal))
            return false;
        try
        {
            form = JsonSerializer.Deserialize<Block>(value.AsSpan(FormPrefix.Length), Json) as FormBlock;
        }
        catch (JsonException)
        {
            form = null;
        }
        if (form is null || string.IsNullOrEmpty(form.Command))
            return false;
        command = form.Command;
        return true;
    }
}

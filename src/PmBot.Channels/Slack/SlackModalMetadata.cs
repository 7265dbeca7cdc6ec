using System.Text.Json;
using System.Text.Json.Serialization;

namespace PmBot.Channels.Slack;

/// <summary>
/// What a PmBot modal carries in its <c>private_metadata</c> (≤ 3000 characters): the command the form submits to,
/// values the member does not see but the command needs, and the conversation to answer in.
/// </summary>
/// <param name="Command">The form's command, e.g. <c>project create</c>.</param>
/// <param name="ChannelId">Where the form was opened; null answers in the member's DM with the bot.</param>
/// <param name="ThreadTs">The thread to answer in, if any.</param>
/// <param name="Hidden">Extra values submitted with the form; a visible input of the same name wins.</param>
public sealed record SlackModalMetadata(
    [property: JsonPropertyName("c")] string Command,
    [property: JsonPropertyName("ch")] string? ChannelId = null,
    [property: JsonPropertyName("th")] string? ThreadTs = null,
    [property: JsonPropertyName("h")] IReadOnlyDictionary<string, string>? Hidden = null)
{
    /// <summary>The <c>callback_id</c> of every PmBot modal.</summary>
    public const string CallbackId = "pmbot-form";

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The compact JSON; throws when it exceeds <see cref="SlackLimits.PrivateMetadata"/>.</summary>
    public string ToJson()
    {
        var json = JsonSerializer.Serialize(this, Json);
        if (json.Length > SlackLimits.PrivateMetadata)
            throw new InvalidOperationException($"A modal's private_metadata would be {json.Length} characters; Slack allows {SlackLimits.PrivateMetadata}.");
        return json;
    }

    /// <summary>Reads metadata a PmBot modal carried; false for anything else.</summary>
    public static bool TryParse(string? json, out SlackModalMetadata metadata)
    {
        metadata = null!;
        if (string.IsNullOrWhiteSpace(json))
            return false;
        try
        {
            var parsed = JsonSerializer.Deserialize<SlackModalMetadata>(json, Json);
            if (parsed is null || string.IsNullOrWhiteSpace(parsed.Command))
                return false;
            metadata = parsed;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

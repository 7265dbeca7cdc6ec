using System.Text.Json;
using System.Text.Json.Serialization;

namespace PmBot.Core.Messages;

/// <summary>A channel-neutral message: blocks plus a plain-text fallback for notifications and screen readers.</summary>
public sealed record OutboundMessage(IReadOnlyList<Block> Blocks, string FallbackText)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static OutboundMessage Text(string markdown) => new([new TextBlock(markdown)], markdown);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static OutboundMessage FromJson(string json) =>
        JsonSerializer.Deserialize<OutboundMessage>(json, Json) ?? throw new JsonException("Empty message payload.");
}

using System.Text.Json.Nodes;

namespace PmBot.Channels.Slack.SocketMode;

/// <summary>
/// One Socket Mode delivery: what the HTTP endpoints would have received. <see cref="Type"/> is
/// <c>events_api</c>, <c>slash_commands</c> or <c>interactive</c>; <see cref="Payload"/> is the body the HTTP request
/// would have carried (the event callback, the slash command's fields, or the interaction payload).
/// </summary>
public sealed record SocketModeEnvelope(
    string EnvelopeId,
    string Type,
    JsonObject? Payload,
    bool AcceptsResponsePayload,
    int? RetryAttempt,
    string? RetryReason);

using System.Text.Json.Nodes;

namespace PmBot.Channels.Slack;

/// <summary>A bot token and the workspace it belongs to (the key of the workspace's circuit breaker and caches). Never printed.</summary>
public sealed record SlackCredentials(string Token, string WorkspaceKey)
{
    public override string ToString() => $"SlackCredentials {{ WorkspaceKey = {WorkspaceKey}, Token = *** }}";
}

/// <summary>The message metadata PmBot attaches to its posts (event_type + event_payload).</summary>
public sealed record SlackMessageMetadata(string EventType, JsonObject EventPayload)
{
    /// <summary>The event type marking a post made by the outbox.</summary>
    public const string OutboxEventType = "pmbot_outbox";

    /// <summary>Metadata carrying an outbox idempotency key, and which page of a multi-page message this is.</summary>
    public static SlackMessageMetadata Outbox(string idempotencyKey, int page = 0, int pages = 1) =>
        new(OutboxEventType, new JsonObject { ["key"] = idempotencyKey, ["page"] = page, ["pages"] = pages });

    public JsonObject ToJson() => new() { ["event_type"] = EventType, ["event_payload"] = EventPayload.DeepClone() };
}

/// <summary>Where a message landed: its conversation and timestamp (its id within the conversation).</summary>
public sealed record SlackPostedMessage(string Channel, string Ts);

/// <summary>A modal or Home tab view as Slack stored it.</summary>
public sealed record SlackView(string Id, string? Hash);

/// <summary>The parts of users.info PmBot uses.</summary>
public sealed record SlackUserInfo(string Id, string? TimeZone, int? TimeZoneOffsetSeconds, string? Locale, string? RealName, string? DisplayName, bool IsBot, bool Deleted);

/// <summary>A message read back from conversations.history.</summary>
public sealed record SlackHistoryMessage(string Ts, string? Text, string? BotId, SlackMessageMetadata? Metadata)
{
    /// <summary>The names of the files shared with the message (an upload's message has them).</summary>
    public IReadOnlyList<string> FileNames { get; init; } = [];
}

public sealed record SlackHistoryPage(IReadOnlyList<SlackHistoryMessage> Messages, string? NextCursor);

/// <summary>The result of the OAuth v2 code exchange (a workspace installed the app).</summary>
public sealed record SlackOAuthAccess(
    string AccessToken,
    string? TokenType,
    string? Scope,
    string? BotUserId,
    string? AppId,
    string TeamId,
    string? TeamName,
    string? EnterpriseId,
    string? AuthedUserId,
    bool IsEnterpriseInstall)
{
    public override string ToString() => $"SlackOAuthAccess {{ TeamId = {TeamId}, TeamName = {TeamName}, BotUserId = {BotUserId}, Scope = {Scope}, AccessToken = *** }}";
}

/// <summary>A file to upload (e.g. a chart PNG).</summary>
public sealed record SlackFileUpload(string FileName, ReadOnlyMemory<byte> Content, string? Title = null, string? AltText = null);

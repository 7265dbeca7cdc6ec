using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PmBot.Core.Conversation;
using PmBot.Core.Domain;

namespace PmBot.Channels.Slack;

/// <summary>
/// Reads Slack's three inbound request kinds (slash commands, Events API, interactivity) into
/// <see cref="InboundActivity"/> and routing results. Verify the signature first (<see cref="SlackSignature"/>).
/// Unreadable bodies throw <see cref="SlackPayloadException"/>; well-formed requests PmBot has no use for come back as
/// an <c>Ignored</c> result.
/// <para>
/// Delivery ids: Events API <c>event_id</c> (retries repeat it). Slash commands and interactions have no id, so theirs
/// are a SHA-256 of (kind, workspace, user, and the request's own unique token: <c>trigger_id</c>, else
/// <c>action_ts</c>; for a view submission the view's id and hash) — stable for one request, distinct across requests.
/// </para>
/// Conversation ids are Slack channel ids. A click in the Home tab or a modal opened from it has no channel: its
/// conversation is the member's user id, which <c>chat.postMessage</c> takes as the member's DM with the bot.
/// </summary>
public static class SlackInboundParser
{
    // ---------- Slash commands ----------

    /// <summary>A slash command from its <c>application/x-www-form-urlencoded</c> body.</summary>
    public static SlackCommandRequest ParseSlashCommand(string formBody) => ParseSlashCommand(ParseForm(formBody));

    /// <summary>A slash command from its fields (the form body, or a Socket Mode <c>slash_commands</c> payload).</summary>
    public static SlackCommandRequest ParseSlashCommand(IReadOnlyDictionary<string, string> fields)
    {
        string Required(string name) =>
            fields.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new SlackPayloadException($"The slash command has no {name}.");
        string? Optional(string name) => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        var team = new SlackTeam(Optional("team_id"), Optional("enterprise_id"), IsTrue(Optional("is_enterprise_install")));
        var userId = Required("user_id");
        var channelId = Required("channel_id");
        var triggerId = Required("trigger_id");
        var activity = new InboundActivity
        {
            Channel = ChannelKind.Slack,
            WorkspaceExternalId = team.WorkspaceExternalId,
            WorkspaceName = Optional("team_domain"),
            UserExternalId = userId,
            UserDisplayName = Optional("user_name"),
            ConversationId = channelId,
            IsDirect = channelId.StartsWith('D') || Optional("channel_name") == "directmessage",
            DeliveryId = DeliveryId("cmd", team.WorkspaceExternalId, userId, triggerId),
            Text = SlackText.FromTyped(Optional("text") ?? "").Trim(),
        };
        return new SlackCommandRequest(activity, Required("command"), Required("response_url"), triggerId, team, Optional("api_app_id"));
    }

    /// <summary>A slash command from a Socket Mode <c>slash_commands</c> payload (a JSON object of the same fields).</summary>
    public static SlackCommandRequest ParseSlashCommandJson(string json)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in ParseObject(json))
        {
            if (value is JsonValue v)
                fields[name] = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
        }
        return ParseSlashCommand(fields);
    }

    // ---------- Events API ----------

    /// <summary>An Events API request body (or a Socket Mode <c>events_api</c> payload).</summary>
    /// <param name="botUserId">This app's bot user id in the workspace, if known; otherwise the envelope's authorizations tell it.</param>
    public static SlackEvent ParseEvent(string json, string? botUserId = null)
    {
        var envelope = ParseObject(json);
        var type = Str(envelope, "type");
        if (type == "url_verification")
            return new SlackEvent.UrlVerification(Str(envelope, "challenge") ?? throw new SlackPayloadException("url_verification without a challenge."));
        if (type != "event_callback")
            return new SlackEvent.Ignored($"Envelope type '{type}'.");

        var eventId = Str(envelope, "event_id") ?? throw new SlackPayloadException("event_callback without an event_id.");
        if (envelope["event"] is not JsonObject ev)
            throw new SlackPayloadException("event_callback without an event.");
        var authorization = (envelope["authorizations"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var botAuth = authorization.FirstOrDefault(a => Bool(a, "is_bot")) ?? authorization.FirstOrDefault();
        botUserId ??= Str(botAuth, "user_id");
        var team = new SlackTeam(
            Str(envelope, "team_id") ?? Str(botAuth, "team_id"),
            Str(envelope, "enterprise_id") ?? Str(botAuth, "enterprise_id"),
            Bool(envelope, "is_enterprise_install") || Bool(botAuth, "is_enterprise_install"));
        var eventType = Str(ev, "type") ?? throw new SlackPayloadException("An event without a type.");
        var info = new SlackEventInfo(eventId, eventType, team, Str(envelope, "api_app_id"), botUserId, Long(envelope, "event_time"));

        return eventType switch
        {
            "app_mention" => ParseMessage(info, ev, isMention: true),
            "message" => ParseMessage(info, ev, isMention: false),
            "app_home_opened" => new SlackEvent.HomeOpened(info, Need(ev, "user"), Need(ev, "channel"), Str(ev, "tab") ?? "home"),
            "member_joined_channel" => new SlackEvent.MemberJoined(info, Need(ev, "user"), Need(ev, "channel"), Str(ev, "inviter"),
                botUserId is not null && Str(ev, "user") == botUserId),
            "app_uninstalled" => new SlackEvent.Uninstalled(info),
            "tokens_revoked" => new SlackEvent.TokensRevoked(info, Strings(ev["tokens"]?["oauth"]), Strings(ev["tokens"]?["bot"])),
            _ => new SlackEvent.Ignored($"Event type '{eventType}'.", eventId),
        };
    }

    private static SlackEvent ParseMessage(SlackEventInfo info, JsonObject ev, bool isMention)
    {
        var subtype = Str(ev, "subtype");
        if (subtype is not null)
            return new SlackEvent.Ignored($"Message subtype '{subtype}'.", info.EventId);
        if (Str(ev, "bot_id") is not null || ev["bot_profile"] is not null)
            return new SlackEvent.Ignored("A bot's message.", info.EventId);
        var userId = Str(ev, "user");
        if (userId is null)
            return new SlackEvent.Ignored("A message from no user.", info.EventId);
        if (userId == info.BotUserId)
            return new SlackEvent.Ignored("The bot's own message.", info.EventId);
        var channelId = Need(ev, "channel");
        var channelType = Str(ev, "channel_type");
        var isDirect = channelType == "im" || (channelType is null && channelId.StartsWith('D'));
        // Channel messages reach PmBot as app_mention; a "message" there too would answer twice.
        if (!isMention && !isDirect)
            return new SlackEvent.Ignored($"A message in a '{channelType ?? "channel"}' conversation without a mention.", info.EventId);

        var text = SlackText.FromTyped(Str(ev, "text") ?? "");
        if (info.BotUserId is not null)
            text = StripBotMention(text, info.BotUserId);
        var activity = new InboundActivity
        {
            Channel = ChannelKind.Slack,
            WorkspaceExternalId = info.Team.WorkspaceExternalId,
            UserExternalId = userId,
            ConversationId = channelId,
            IsDirect = isDirect,
            DeliveryId = info.EventId,
            Text = text.Trim(),
            Locale = Str(ev, "locale"),
        };
        return new SlackEvent.Message(info, activity, Str(ev, "ts") ?? Str(ev, "event_ts") ?? "", Str(ev, "thread_ts"), isMention);
    }

    /// <summary>
    /// Removes the bot's mention (<c>&lt;@BOT&gt;</c> or <c>&lt;@BOT|name&gt;</c>): the leading one, else the first one
    /// anywhere (<c>"hey &lt;@BOT&gt; help"</c> reads as <c>"hey help"</c>). Other mentions stay.
    /// </summary>
    public static string StripBotMention(string text, string botUserId)
    {
        var trimmed = text.TrimStart();
        var plain = "<@" + botUserId + ">";
        var named = "<@" + botUserId + "|";
        int start, end;
        if (trimmed.StartsWith(plain, StringComparison.Ordinal))
            return trimmed[plain.Length..].TrimStart();
        if (trimmed.StartsWith(named, StringComparison.Ordinal) && trimmed.IndexOf('>', named.Length) is var close and > 0)
            return trimmed[(close + 1)..].TrimStart();
        if ((start = text.IndexOf(plain, StringComparison.Ordinal)) >= 0)
            end = start + plain.Length;
        else if ((start = text.IndexOf(named, StringComparison.Ordinal)) >= 0 && text.IndexOf('>', start) is var c2 and > 0)
            end = c2 + 1;
        else
            return text;
        var before = text[..start].TrimEnd();
        var after = text[end..].TrimStart();
        return before.Length == 0 ? after : after.Length == 0 ? before : before + " " + after;
    }

    // ---------- Interactivity ----------

    /// <summary>An interactivity request from its form body (one field, <c>payload</c>, holding JSON).</summary>
    public static SlackInteraction ParseInteractionForm(string formBody) =>
        ParseInteraction(ParseForm(formBody).TryGetValue("payload", out var payload) ? payload : throw new SlackPayloadException("No payload field."));

    /// <summary>An interactivity payload's JSON (the form's <c>payload</c> field, or a Socket Mode <c>interactive</c> payload).</summary>
    public static SlackInteraction ParseInteraction(string payloadJson)
    {
        var payload = ParseObject(payloadJson);
        var type = Str(payload, "type");
        return type switch
        {
            "block_actions" => ParseBlockActions(payload),
            "view_submission" => ParseViewSubmission(payload),
            "view_closed" => new SlackInteraction.Ignored("The member closed a modal."),
            _ => new SlackInteraction.Ignored($"Interaction type '{type}'."),
        };
    }

    private static SlackInteraction ParseBlockActions(JsonObject payload)
    {
        var (team, userId, userName) = Who(payload);
        if (payload["actions"] is not JsonArray { Count: > 0 } actions || actions[0] is not JsonObject action)
            return new SlackInteraction.Ignored("block_actions without an action.");
        var elementType = Str(action, "type");
        var value = elementType switch
        {
            "button" => Str(action, "value"),
            "static_select" or "external_select" or "radio_buttons" or "overflow" => Str(action["selected_option"], "value"),
            _ => null,
        };
        if (string.IsNullOrEmpty(value))
            return new SlackInteraction.Ignored($"A '{elementType}' action with no command.");

        var container = payload["container"] as JsonObject;
        var view = payload["view"] as JsonObject;
        var channelId = Str(container, "channel_id") ?? Str(payload["channel"], "id");
        var info = new SlackInteractionInfo(
            team,
            Str(payload, "trigger_id"),
            Str(payload, "response_url"),
            Str(payload, "api_app_id"),
            Str(container, "message_ts") ?? Str(payload["message"], "ts"),
            Str(view, "id") ?? Str(container, "view_id"),
            Str(view, "hash"));
        var unique = info.TriggerId ?? Str(action, "action_ts") ?? throw new SlackPayloadException("block_actions without trigger_id or action_ts.");
        var activity = new InboundActivity
        {
            Channel = ChannelKind.Slack,
            WorkspaceExternalId = team.WorkspaceExternalId,
            WorkspaceName = Str(payload["team"], "domain"),
            UserExternalId = userId,
            UserDisplayName = userName,
            ConversationId = channelId ?? userId,
            IsDirect = channelId is null || channelId.StartsWith('D'),
            DeliveryId = DeliveryId("act", team.WorkspaceExternalId, userId, unique),
            Locale = Locale(payload),
        };
        if (elementType == "button" && SlackFormButton.TryRead(value, out var form, out var command))
            return new SlackInteraction.OpenForm(activity with { ButtonCommand = command }, form, info);
        return new SlackInteraction.ButtonClicked(activity with { ButtonCommand = value }, info);
    }

    private static SlackInteraction ParseViewSubmission(JsonObject payload)
    {
        var (team, userId, userName) = Who(payload);
        if (payload["view"] is not JsonObject view)
            throw new SlackPayloadException("view_submission without a view.");
        if (!SlackModalMetadata.TryParse(Str(view, "private_metadata"), out var metadata))
            return new SlackInteraction.Ignored("A submitted view that is not a PmBot form.");

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, hidden) in metadata.Hidden ?? new Dictionary<string, string>())
            values[name] = hidden;
        if (view["state"]?["values"] is JsonObject state)
        {
            foreach (var (blockId, block) in state)
            {
                if (block is not JsonObject elements)
                    continue;
                foreach (var (_, element) in elements)
                {
                    if (InputValue(element) is { Length: > 0 } value)
                        values[blockId] = value;
                    else
                        values.Remove(blockId);
                    break;
                }
            }
        }

        var viewId = Need(view, "id");
        var hash = Str(view, "hash");
        var info = new SlackInteractionInfo(team, Str(payload, "trigger_id"), null, Str(payload, "api_app_id"), null, viewId, hash);
        var activity = new InboundActivity
        {
            Channel = ChannelKind.Slack,
            WorkspaceExternalId = team.WorkspaceExternalId,
            WorkspaceName = Str(payload["team"], "domain"),
            UserExternalId = userId,
            UserDisplayName = userName,
            ConversationId = metadata.ChannelId ?? userId,
            IsDirect = metadata.ChannelId is null || metadata.ChannelId.StartsWith('D'),
            DeliveryId = DeliveryId("view", team.WorkspaceExternalId, userId, viewId + ":" + hash),
            Form = new FormSubmission(metadata.Command, values),
            Locale = Locale(payload),
        };
        return new SlackInteraction.FormSubmitted(activity, info, metadata);
    }

    /// <summary>One input's submitted value, by element type; users become mentions (<c>&lt;@U…&gt;</c>).</summary>
    private static string? InputValue(JsonNode? element) => Str(element, "type") switch
    {
        "plain_text_input" or "number_input" or "email_text_input" or "url_text_input" => Str(element, "value"),
        "datepicker" => Str(element, "selected_date"),
        "timepicker" => Str(element, "selected_time"),
        "static_select" or "external_select" or "radio_buttons" => Str(element?["selected_option"], "value"),
        "users_select" => Str(element, "selected_user") is { } user ? $"<@{user}>" : null,
        "conversations_select" => Str(element, "selected_conversation"),
        "channels_select" => Str(element, "selected_channel"),
        _ => Str(element, "value"),
    };

    private static (SlackTeam Team, string UserId, string? UserName) Who(JsonObject payload)
    {
        var user = payload["user"] as JsonObject ?? throw new SlackPayloadException("An interaction without a user.");
        var userId = Need(user, "id");
        // An org-wide install may send "team": null; the member's team then names the workspace.
        var teamId = Str(payload["team"], "id") ?? Str(user, "team_id") ?? Str(payload["view"], "team_id");
        var enterpriseId = Str(payload["enterprise"], "id") ?? Str(payload["team"], "enterprise_id");
        var team = new SlackTeam(teamId, enterpriseId, Bool(payload, "is_enterprise_install"));
        return (team, userId, Str(user, "name") ?? Str(user, "username"));
    }

    private static string? Locale(JsonObject payload) => Str(payload, "locale") ?? Str(payload["user"], "locale");

    // ---------- Helpers ----------

    /// <summary>Fields of an <c>application/x-www-form-urlencoded</c> body (<c>+</c> is a space; the last of a repeated name wins).</summary>
    public static IReadOnlyDictionary<string, string> ParseForm(string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            fields[name] = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
        }
        return fields;

        static string Decode(string s)
        {
            try
            {
                return Uri.UnescapeDataString(s.Replace('+', ' '));
            }
            catch (UriFormatException ex)
            {
                throw new SlackPayloadException("A form field is not URL-encoded.", ex);
            }
        }
    }

    private static string DeliveryId(string kind, string workspace, string user, string unique)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', kind, workspace, user, unique)));
        return "slack-" + kind + ":" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private static JsonObject ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new SlackPayloadException("The body is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new SlackPayloadException("The body is not JSON.", ex);
        }
    }

    private static string? Str(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;

    private static string Need(JsonNode? node, string name) =>
        Str(node, name) ?? throw new SlackPayloadException($"The payload has no '{name}'.");

    private static bool Bool(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && (v.GetValueKind() == JsonValueKind.True || (v.GetValueKind() == JsonValueKind.String && IsTrue(v.GetValue<string>())));

    private static long Long(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) ? n : 0;

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToArray() : [];
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PmBot.Core.Conversation;
using PmBot.Core.Domain;

namespace PmBot.Channels.Teams.Inbound;

/// <summary>
/// Reads a Bot Framework activity (as Teams and the Agents Playground post it) into a <see cref="TeamsActivity"/>.
/// Authenticate first (<see cref="BotFrameworkAuthenticator"/>, with <see cref="ReadServiceUrlAndChannel"/>).
/// Unreadable bodies throw <see cref="TeamsPayloadException"/>; activities PmBot has no use for come back as
/// <see cref="TeamsActivity.Ignored"/>.
/// <para>
/// <b>Card action data contract</b> (shared with the Teams renderer): a button's Action.Submit / Action.Execute data is
/// <c>{"pmbot":{"command":"…"}}</c> and becomes <see cref="InboundActivity.ButtonCommand"/>; a form's submit data is
/// <c>{"pmbot":{"form":"&lt;command&gt;"}}</c>, with the input values beside <c>pmbot</c> keyed by input id, and becomes
/// <see cref="InboundActivity.Form"/> (<c>pmbot</c> and Teams' own <c>msteams</c> property are not values; strings are
/// kept as sent, numbers and booleans as their JSON text, null as ""). Action.Submit arrives as a <c>message</c>
/// whose <c>value</c> is that object; Action.Execute as an <c>adaptiveCard/action</c> invoke whose
/// <c>value.action.data</c> is.
/// </para>
/// <para>
/// Mentions: the bot's own <c>&lt;at&gt;…&lt;/at&gt;</c> (entities whose <c>mentioned.id</c> is the recipient's id) is
/// removed; another account's becomes Core's <c>&lt;@{mentioned.id}|{name}&gt;</c> with the channel account id
/// (<c>29:…</c>), as the entity always carries it (its aadObjectId is optional). Beware: senders are keyed by aadObjectId
/// when present (see below), so a mentioned id must be mapped to the member's aadObjectId (through
/// <see cref="TeamsActivity.Message.Mentions"/> or the roster) before comparing it with a user key. When the name could not survive Core's
/// tokenizer (whitespace, <c>|</c>, <c>&lt;</c>, <c>&gt;</c>) it is <c>&lt;@{mentioned.id}&gt;</c>; the names are in
/// <see cref="TeamsActivity.Message.Mentions"/>.
/// </para>
/// <para>
/// Identity: the workspace is the tenant (<c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>; none is a
/// 400), the user is <c>from.aadObjectId</c> when present, else <c>from.id</c>. The delivery id is the activity id; an
/// activity without one gets <c>sha256:</c> + a hash of its channel, conversation, sender, timestamp, text and value.
/// </para>
/// </summary>
public static class TeamsActivityParser
{
    public const string CardActionInvokeName = "adaptiveCard/action";
    public const string DataProperty = "pmbot";
    public const string CommandProperty = "command";
    public const string FormProperty = "form";

    /// <summary>The two fields authentication needs, read without interpreting the rest. Throws on a non-JSON body.</summary>
    public static (string? ServiceUrl, string? ChannelId) ReadServiceUrlAndChannel(string json)
    {
        var activity = ParseObject(json);
        return (Str(activity, "serviceUrl"), Str(activity, "channelId"));
    }

    public static TeamsActivity Parse(string json) => Parse(ParseObject(json));

    public static TeamsActivity Parse(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var type = Str(activity, "type");
        switch (type)
        {
            case "message":
                return ParseMessage(activity);
            case "invoke":
                return ParseInvoke(activity);
            case "conversationUpdate":
                return ParseConversationUpdate(activity);
            case "installationUpdate":
                var action = Str(activity, "action");
                return action switch
                {
                    "add" or "add-upgrade" => new TeamsActivity.Installed(ReferenceOf(activity)),
                    "remove" => new TeamsActivity.Uninstalled(ReferenceOf(activity)),
                    _ => new TeamsActivity.Ignored($"installationUpdate action '{action}'.", type),
                };
            case null or "":
                throw new TeamsPayloadException("The activity has no type.");
            default:
                return new TeamsActivity.Ignored($"Activity type '{type}'.", type);
        }
    }

    /// <summary>The conversation reference of an activity, for proactive messages.</summary>
    public static TeamsConversationReference ReferenceOf(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = Obj(activity, "conversation");
        var from = Obj(activity, "from");
        var recipient = Obj(activity, "recipient");
        return new TeamsConversationReference(
            ServiceUrl: Str(activity, "serviceUrl") ?? throw new TeamsPayloadException("The activity has no serviceUrl."),
            ChannelId: Str(activity, "channelId") ?? throw new TeamsPayloadException("The activity has no channelId."),
            ConversationId: Str(conversation, "id") ?? throw new TeamsPayloadException("The activity has no conversation id."),
            ConversationType: Str(conversation, "conversationType"),
            TenantId: TenantOf(activity),
            BotId: Str(recipient, "id"),
            BotName: Str(recipient, "name"),
            UserId: Str(from, "id"),
            UserAadObjectId: Str(from, "aadObjectId"),
            UserName: Str(from, "name"),
            ActivityId: Str(activity, "id"));
    }

    // ---------- message ----------

    private static TeamsActivity ParseMessage(JsonObject activity)
    {
        var reference = ReferenceOf(activity);
        if (Str(Obj(activity, "from"), "role") == "bot")
            return new TeamsActivity.Ignored("A message from a bot.", "message");

        var (text, mentions) = CleanText(activity);
        var replyToId = Str(activity, "replyToId");
        if (text.Length > 0)
            return new TeamsActivity.Message(Activity(activity, reference) with { Text = text }, reference, mentions, replyToId);

        if (activity["value"] is JsonObject value)
        {
            var intent = ReadActionData(value);
            if (intent is null)
                return new TeamsActivity.Ignored("A card submit without PmBot's data.", "message");
            return new TeamsActivity.Message(intent(Activity(activity, reference)), reference, [], replyToId);
        }
        return new TeamsActivity.Ignored("A message without text or card data.", "message");
    }

    // ---------- invoke ----------

    private static TeamsActivity ParseInvoke(JsonObject activity)
    {
        var reference = ReferenceOf(activity);
        var name = Str(activity, "name") ?? "";
        if (!string.Equals(name, CardActionInvokeName, StringComparison.Ordinal))
            return new TeamsActivity.UnsupportedInvoke(name, reference);
        var action = Obj(Obj(activity, "value"), "action");
        var intent = Obj(action, "data") is { } data ? ReadActionData(data) : null;
        if (intent is null)
            return new TeamsActivity.UnsupportedInvoke(name, reference);
        return new TeamsActivity.CardAction(intent(Activity(activity, reference)), reference, Str(action, "verb"), Str(activity, "replyToId"));
    }

    /// <summary>PmBot's card data → a function that sets the button command or form on an activity; null if not PmBot's.</summary>
    private static Func<InboundActivity, InboundActivity>? ReadActionData(JsonObject data)
    {
        if (data[DataProperty] is not JsonObject pmbot)
            return null;
        if (Str(pmbot, FormProperty) is { Length: > 0 } formCommand)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, node) in data)
            {
                if (key is DataProperty or "msteams")
                    continue;
                values[key] = ValueText(node);
            }
            return a => a with { Form = new FormSubmission(formCommand, values) };
        }
        if (Str(pmbot, CommandProperty) is { Length: > 0 } command)
            return a => a with { ButtonCommand = command };
        return null;
    }

    private static string ValueText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => "",
        _ => node.ToJsonString(),
    };

    // ---------- conversationUpdate ----------

    private static TeamsActivity ParseConversationUpdate(JsonObject activity)
    {
        var reference = ReferenceOf(activity);
        var added = activity["membersAdded"] is JsonArray list
            ? list.OfType<JsonObject>().Select(Member).Where(m => m is not null).Select(m => m!).ToList()
            : [];
        if (added.Count == 0)
            return new TeamsActivity.Ignored("conversationUpdate without added members.", "conversationUpdate");
        var team = Obj(Obj(activity, "channelData"), "team");
        var botId = reference.BotId;
        var others = added.Where(m => !string.Equals(m.Id, botId, StringComparison.Ordinal)).ToList();
        if (botId is not null && others.Count < added.Count)
            return new TeamsActivity.BotAdded(reference, Str(team, "id"), Str(team, "name"), others);
        return new TeamsActivity.MembersAdded(reference, Str(team, "id"), others);
    }

    private static TeamsMember? Member(JsonObject account) =>
        Str(account, "id") is { Length: > 0 } id ? new TeamsMember(id, Str(account, "aadObjectId"), Str(account, "name")) : null;

    // ---------- common ----------

    private static InboundActivity Activity(JsonObject activity, TeamsConversationReference reference)
    {
        var from = Obj(activity, "from");
        var clientInfo = Entities(activity).FirstOrDefault(e => Str(e, "type") == "clientInfo");
        var conversation = Obj(activity, "conversation");
        var type = reference.ConversationType;
        var isGroup = conversation?["isGroup"] is JsonValue g && g.GetValueKind() == JsonValueKind.True;
        return new InboundActivity
        {
            Channel = ChannelKind.Teams,
            WorkspaceExternalId = reference.TenantId ?? throw new TeamsPayloadException("The activity names no tenant."),
            UserExternalId = reference.UserAadObjectId ?? reference.UserId ?? throw new TeamsPayloadException("The activity has no sender."),
            UserDisplayName = reference.UserName,
            ConversationId = reference.ConversationId,
            IsDirect = type is null ? !isGroup : string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase),
            DeliveryId = reference.ActivityId is { Length: > 0 } id ? id : DeliveryHash(activity, reference),
            Locale = Str(activity, "locale") ?? Str(clientInfo, "locale"),
            TimeZone = Str(activity, "localTimezone") ?? Str(clientInfo, "timezone"),
        };
    }

    /// <summary>The text without the bot's mention, other mentions in Core's form, trimmed.</summary>
    private static (string Text, IReadOnlyList<TeamsMember> Mentions) CleanText(JsonObject activity)
    {
        var text = Str(activity, "text") ?? "";
        var botId = Str(Obj(activity, "recipient"), "id");
        var mentions = new List<TeamsMember>();
        foreach (var entity in Entities(activity))
        {
            if (Str(entity, "type") != "mention" || Obj(entity, "mentioned") is not { } mentioned || Str(mentioned, "id") is not { Length: > 0 } id)
                continue;
            var mentionText = Str(entity, "text");
            if (string.IsNullOrEmpty(mentionText))
                continue;
            if (string.Equals(id, botId, StringComparison.Ordinal))
            {
                text = text.Replace(mentionText, "", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            var name = Str(mentioned, "name") ?? InnerText(mentionText);
            mentions.Add(new TeamsMember(id, Str(mentioned, "aadObjectId"), name));
            var core = name is { Length: > 0 } && !name.Any(c => char.IsWhiteSpace(c) || c is '|' or '<' or '>')
                ? $"<@{id}|{name}>"
                : $"<@{id}>";
            text = text.Replace(mentionText, core, StringComparison.OrdinalIgnoreCase);
        }
        return (text.Trim(), mentions);
    }

    private static string? InnerText(string atTag)
    {
        const string open = "<at>", close = "</at>";
        return atTag.StartsWith(open, StringComparison.OrdinalIgnoreCase) && atTag.EndsWith(close, StringComparison.OrdinalIgnoreCase)
            ? atTag[open.Length..^close.Length]
            : null;
    }

    private static IEnumerable<JsonObject> Entities(JsonObject activity) =>
        activity["entities"] is JsonArray entities ? entities.OfType<JsonObject>() : [];

    private static string? TenantOf(JsonObject activity) =>
        Str(Obj(activity, "conversation"), "tenantId") ?? Str(Obj(Obj(activity, "channelData"), "tenant"), "id");

    private static string DeliveryHash(JsonObject activity, TeamsConversationReference reference)
    {
        var parts = new[]
        {
            reference.ChannelId, reference.ConversationId, reference.UserId ?? "", Str(activity, "timestamp") ?? "",
            Str(activity, "type") ?? "", Str(activity, "text") ?? "", activity["value"]?.ToJsonString() ?? "",
        };
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return "sha256:" + Convert.ToHexStringLower(bytes);
    }

    private static JsonObject ParseObject(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new TeamsPayloadException("The activity is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new TeamsPayloadException("The activity is not valid JSON.", e);
        }
    }

    private static JsonObject? Obj(JsonObject? parent, string name) => parent?[name] as JsonObject;

    private static string? Str(JsonObject? parent, string name) =>
        parent?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;
}

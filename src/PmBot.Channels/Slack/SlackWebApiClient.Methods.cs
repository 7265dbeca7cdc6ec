namespace PmBot.Channels.Slack;

/// <summary>The Web API methods PmBot calls, with the OAuth scopes each needs (checked against the manifest by a test).</summary>
public static class SlackApiMethods
{
    public const string ChatPostMessage = "chat.postMessage";
    public const string ChatUpdate = "chat.update";
    public const string ChatPostEphemeral = "chat.postEphemeral";
    public const string ViewsOpen = "views.open";
    public const string ViewsUpdate = "views.update";
    public const string ViewsPublish = "views.publish";
    public const string UsersInfo = "users.info";
    public const string ConversationsOpen = "conversations.open";
    public const string ConversationsHistory = "conversations.history";
    public const string FilesGetUploadUrlExternal = "files.getUploadURLExternal";
    public const string FilesCompleteUploadExternal = "files.completeUploadExternal";
    public const string OAuthV2Access = "oauth.v2.access";
    public const string AppsConnectionsOpen = "apps.connections.open";

    /// <summary>
    /// Bot-token scopes each method needs. Empty: none (views.* ride on a trigger or the app itself; oauth.v2.access
    /// authenticates with the client id and secret). apps.connections.open uses the app-level token, whose scope
    /// (connections:write) is granted on the app-level token, not in the manifest's bot scopes.
    /// conversations.history needs the history scope of the conversation type: im:history for DMs and
    /// channels:history for public channels (PmBot's two kinds of outbox target).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> BotScopes { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [ChatPostMessage] = ["chat:write"],
        [ChatUpdate] = ["chat:write"],
        [ChatPostEphemeral] = ["chat:write"],
        [ViewsOpen] = [],
        [ViewsUpdate] = [],
        [ViewsPublish] = [],
        [UsersInfo] = ["users:read"],
        [ConversationsOpen] = ["im:write"],
        [ConversationsHistory] = ["im:history", "channels:history"],
        [FilesGetUploadUrlExternal] = ["files:write"],
        [FilesCompleteUploadExternal] = ["files:write"],
        [OAuthV2Access] = [],
        [AppsConnectionsOpen] = [],
    };

    /// <summary>Safe to send again when the outcome of an attempt is unknown (5xx, timeout): repeating them changes nothing.</summary>
    public static bool IsIdempotent(string method) => method is UsersInfo or ConversationsHistory or ConversationsOpen or ViewsPublish or ViewsUpdate or ChatUpdate;
}

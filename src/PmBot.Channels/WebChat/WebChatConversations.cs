using PmBot.Core.Outbox;

namespace PmBot.Channels.WebChat;

/// <summary>Ids of the built-in web chat: one local workspace, one 1:1 conversation per local user.</summary>
public static class WebChatConversations
{
    public const string WorkspaceId = "local";
    public const string WorkspaceName = "Local web chat";

    public static string Direct(string userId) => "dm:" + userId;

    /// <summary>Maps an outbox target (<c>user:bob</c> or <c>dm:bob</c>) to the conversation the page reads.</summary>
    public static string Resolve(string target) =>
        target.StartsWith(OutboxMessage.UserTargetPrefix, StringComparison.Ordinal) ? Direct(target[OutboxMessage.UserTargetPrefix.Length..]) : target;
}

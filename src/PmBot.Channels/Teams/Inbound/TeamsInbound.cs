using PmBot.Core.Conversation;

namespace PmBot.Channels.Teams.Inbound;

/// <summary>
/// What to keep of an activity to message its conversation later (proactively) through the connector at
/// <see cref="ServiceUrl"/>. Send only to service URLs that came in authenticated activities.
/// </summary>
/// <param name="ServiceUrl">As received (the Playground's has no trailing slash).</param>
/// <param name="ChannelId">e.g. <c>msteams</c>.</param>
/// <param name="ConversationType"><c>personal</c>, <c>groupChat</c> or <c>channel</c> (null outside Teams).</param>
/// <param name="BotId">The bot's channel account (<c>28:…</c>), the activity's recipient.</param>
/// <param name="UserId">The sender's channel account (<c>29:…</c>).</param>
/// <param name="ActivityId">The activity's id, to reply to it.</param>
public sealed record TeamsConversationReference(
    string ServiceUrl,
    string ChannelId,
    string ConversationId,
    string? ConversationType,
    string? TenantId,
    string? BotId,
    string? BotName,
    string? UserId,
    string? UserAadObjectId,
    string? UserName,
    string? ActivityId);

/// <summary>A Teams account named in an activity (a mention, an added member).</summary>
public sealed record TeamsMember(string Id, string? AadObjectId, string? Name);

/// <summary>What a Bot Framework activity means, for the server to route on.</summary>
public abstract record TeamsActivity
{
    private TeamsActivity()
    {
    }

    /// <summary>
    /// Typed text (<see cref="InboundActivity.Text"/>) or an Action.Submit click / form
    /// (<see cref="InboundActivity.ButtonCommand"/> / <see cref="InboundActivity.Form"/>). Answer 200, reply via the connector.
    /// </summary>
    /// <param name="Mentions">The other accounts the text mentions (not the bot), as the activity's entities name them.</param>
    /// <param name="ReplyToId">For a card submit: the id of the card's message, to update it.</param>
    public sealed record Message(InboundActivity Activity, TeamsConversationReference Reference, IReadOnlyList<TeamsMember> Mentions, string? ReplyToId) : TeamsActivity;

    /// <summary>
    /// An Action.Execute (<c>invoke</c> named <c>adaptiveCard/action</c>) carrying PmBot's data: answer it synchronously
    /// with HTTP 200 and an adaptive card response body.
    /// </summary>
    /// <param name="Verb">The action's verb, informational (PmBot's data decides).</param>
    public sealed record CardAction(InboundActivity Activity, TeamsConversationReference Reference, string? Verb, string? ReplyToId) : TeamsActivity;

    /// <summary>An invoke PmBot does not handle (or a card action without PmBot's data): answer it with HTTP 501/200 as fits.</summary>
    public sealed record UnsupportedInvoke(string Name, TeamsConversationReference Reference) : TeamsActivity;

    /// <summary>The bot joined a conversation (a team, a group chat, a personal chat).</summary>
    /// <param name="OthersAdded">Other members added in the same activity.</param>
    public sealed record BotAdded(TeamsConversationReference Reference, string? TeamId, string? TeamName, IReadOnlyList<TeamsMember> OthersAdded) : TeamsActivity;

    /// <summary>Members other than the bot joined a conversation the bot is in.</summary>
    public sealed record MembersAdded(TeamsConversationReference Reference, string? TeamId, IReadOnlyList<TeamsMember> Members) : TeamsActivity;

    /// <summary><c>installationUpdate</c> with action <c>add</c> (or <c>add-upgrade</c>).</summary>
    public sealed record Installed(TeamsConversationReference Reference) : TeamsActivity;

    /// <summary><c>installationUpdate</c> with action <c>remove</c>: stop messaging the conversation.</summary>
    public sealed record Uninstalled(TeamsConversationReference Reference) : TeamsActivity;

    /// <summary>Nothing for PmBot to do (typing, reactions, edits, unknown types…); acknowledge with 200.</summary>
    public sealed record Ignored(string Reason, string? Type) : TeamsActivity;
}

/// <summary>A Bot Framework request body PmBot cannot read: answer 400.</summary>
public sealed class TeamsPayloadException : FormatException
{
    public TeamsPayloadException(string message)
        : base(message)
    {
    }

    public TeamsPayloadException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TeamsPayloadException()
    {
    }
}

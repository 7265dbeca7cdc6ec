using PmBot.Core.Conversation;
using PmBot.Core.Messages;

namespace PmBot.Channels.Slack;

/// <summary>
/// The Slack workspace a request came from.
/// <para>
/// <see cref="WorkspaceExternalId"/> is the tenant key PmBot stores: the team id (<c>T…</c>) alone outside
/// Enterprise Grid, and <c>{enterprise id}:{team id}</c> (<c>E…:T…</c>) whenever Slack names an enterprise, whether the
/// app is installed org-wide or in one workspace of the org. So one Grid workspace always maps to one key, and a
/// switch between workspace and org-wide install keeps its data. An org-level event that names no team
/// (e.g. <c>app_uninstalled</c> of an org-wide install) gets the enterprise id alone (<c>E…</c>).
/// </para>
/// Find the installation (bot token) by <see cref="EnterpriseId"/> when <see cref="IsEnterpriseInstall"/> is true,
/// by <see cref="TeamId"/> otherwise.
/// </summary>
public sealed record SlackTeam(string? TeamId, string? EnterpriseId, bool IsEnterpriseInstall = false)
{
    public string WorkspaceExternalId { get; } = Key(TeamId, EnterpriseId);

    public static string Key(string? teamId, string? enterpriseId)
    {
        teamId = string.IsNullOrEmpty(teamId) ? null : teamId;
        enterpriseId = string.IsNullOrEmpty(enterpriseId) ? null : enterpriseId;
        return (enterpriseId, teamId) switch
        {
            (not null, not null) => enterpriseId + ":" + teamId,
            (null, not null) => teamId,
            (not null, null) => enterpriseId,
            _ => throw new SlackPayloadException("The request names neither a team nor an enterprise."),
        };
    }
}

/// <summary>A slash command: the activity plus what only Slack has, to answer it.</summary>
/// <param name="Command">The slash command typed, e.g. <c>/pm</c>.</param>
/// <param name="ResponseUrl">Where to post up to 5 replies within 30 minutes, also in conversations the bot is not in.</param>
/// <param name="TriggerId">Opens a modal with <c>views.open</c> within 3 seconds.</param>
public sealed record SlackCommandRequest(
    InboundActivity Activity,
    string Command,
    string ResponseUrl,
    string TriggerId,
    SlackTeam Team,
    string? ApiAppId);

/// <summary>The envelope facts of one Events API delivery.</summary>
/// <param name="EventId">Unique per event; retries repeat it (it is the activity's DeliveryId).</param>
/// <param name="BotUserId">This app's bot user in the workspace, if the delivery says or the caller gave it.</param>
/// <param name="EventTime">Unix seconds.</param>
public sealed record SlackEventInfo(string EventId, string EventType, SlackTeam Team, string? ApiAppId, string? BotUserId, long EventTime);

/// <summary>What an Events API request means, for the server to route on.</summary>
public abstract record SlackEvent
{
    private SlackEvent()
    {
    }

    /// <summary>Slack checks the request URL: answer 200 with <see cref="Challenge"/>.</summary>
    public sealed record UrlVerification(string Challenge) : SlackEvent;

    /// <summary>Nothing for PmBot to do (a bot's message, an edit, an unknown event…); acknowledge with 200.</summary>
    public sealed record Ignored(string Reason, string? EventId = null) : SlackEvent;

    /// <summary>A member spoke to the bot: a DM, or a mention in a channel (<see cref="IsMention"/>).</summary>
    /// <param name="Ts">The message's timestamp (its id in the channel).</param>
    /// <param name="ThreadTs">The thread it was posted in, if any: reply there.</param>
    public sealed record Message(SlackEventInfo Info, InboundActivity Activity, string Ts, string? ThreadTs, bool IsMention) : SlackEvent;

    /// <param name="Tab"><c>home</c> or <c>messages</c>.</param>
    public sealed record HomeOpened(SlackEventInfo Info, string UserId, string ChannelId, string Tab) : SlackEvent;

    /// <param name="IsBot">True when the member who joined is this app's bot user (the bot was added to a channel).</param>
    public sealed record MemberJoined(SlackEventInfo Info, string UserId, string ChannelId, string? InviterId, bool IsBot) : SlackEvent;

    /// <summary>The app was removed from the workspace (or org): forget its tokens.</summary>
    public sealed record Uninstalled(SlackEventInfo Info) : SlackEvent;

    /// <summary>Tokens were revoked: user tokens of <see cref="UserIds"/>, bot tokens of <see cref="BotIds"/>.</summary>
    public sealed record TokensRevoked(SlackEventInfo Info, IReadOnlyList<string> UserIds, IReadOnlyList<string> BotIds) : SlackEvent;
}

/// <summary>The facts of one interactivity request that only Slack has.</summary>
/// <param name="TriggerId">Opens a modal within 3 seconds.</param>
/// <param name="ResponseUrl">Replies to the message the action was in (block_actions in messages only).</param>
/// <param name="MessageTs">The message holding the clicked element, if it was in a message.</param>
/// <param name="ViewId">The view (modal or Home tab) holding the element or submitted, if any.</param>
public sealed record SlackInteractionInfo(
    SlackTeam Team,
    string? TriggerId,
    string? ResponseUrl,
    string? ApiAppId,
    string? MessageTs,
    string? ViewId,
    string? ViewHash);

/// <summary>What an interactivity request means, for the server to route on.</summary>
public abstract record SlackInteraction
{
    private SlackInteraction()
    {
    }

    /// <summary>A button click or a select choice: <see cref="InboundActivity.ButtonCommand"/> is the command to run.</summary>
    public sealed record ButtonClicked(InboundActivity Activity, SlackInteractionInfo Info) : SlackInteraction;

    /// <summary>
    /// The "open form" button of a message's form (see <see cref="SlackFormButton"/>): open
    /// <see cref="SlackBlockKitRenderer.RenderModal"/> of <see cref="Form"/> with <see cref="SlackInteractionInfo.TriggerId"/>
    /// now. When the form was too large to travel in the button, <see cref="Form"/> is null: run
    /// <see cref="InboundActivity.ButtonCommand"/> (the form's command alone), and open the form of the reply.
    /// </summary>
    public sealed record OpenForm(InboundActivity Activity, FormBlock? Form, SlackInteractionInfo Info) : SlackInteraction;

    /// <summary>
    /// A modal was submitted: <see cref="InboundActivity.Form"/> holds the command and values. Answer within 3 s:
    /// an empty 200 closes the modal, <see cref="SlackBlockKitRenderer.ErrorsFor"/> keeps it open with errors.
    /// </summary>
    public sealed record FormSubmitted(InboundActivity Activity, SlackInteractionInfo Info, SlackModalMetadata Metadata) : SlackInteraction;

    /// <summary>Nothing for PmBot to do (a closed modal, an unknown payload); acknowledge with 200.</summary>
    public sealed record Ignored(string Reason) : SlackInteraction;
}

/// <summary>A Slack request body PmBot cannot read: answer 400.</summary>
public sealed class SlackPayloadException : FormatException
{
    public SlackPayloadException(string message)
        : base(message)
    {
    }

    public SlackPayloadException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SlackPayloadException()
    {
    }
}

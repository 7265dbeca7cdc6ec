using System.Text.Json.Nodes;
using PmBot.Channels.Slack;
using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Home;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;
using PmBot.Server.Files;

namespace PmBot.Server.Slack;

/// <summary>
/// What PmBot does with each kind of Slack request, whether it came over HTTP or Socket Mode. Returns the body of
/// the acknowledgement (null: an empty 200). The 3-second rule lives here: a command or click gets
/// <see cref="SlackAppOptions.AckBudget"/> to produce its answer inside the ack; slower ones are acked at once and
/// answered through the response_url (commands, clicks) or the outbox (messages, form submissions) when done.
/// Answers with a published picture or file go through the outbox (which uploads it) unless PmBot has a public address.
/// </summary>
public sealed partial class SlackRequestHandler(
    IServiceScopeFactory scopes,
    DispatchRunner runner,
    SlackWebApiClient client,
    ISlackTokenProvider tokens,
    SlackTokenStore installations,
    SlackResponseUrl responseUrl,
    SlackAppOptions options,
    TimeProvider time,
    ILogger<SlackRequestHandler> log)
{
    public async Task<JsonObject?> HandleCommandAsync(SlackCommandRequest request, CancellationToken cancellationToken)
    {
        var work = DispatchAsync(request.Activity);
        if (!await FinishesWithinBudgetAsync(work))
        {
            FinishLater(work, outcome => AnswerAsync(outcome, request.ResponseUrl, request.Activity));
            return null;
        }
        var result = await work;
        if (result.Duplicate)
            return null;
        if (MustUpload(result))
        {
            FinishLater(Task.FromResult(result), outcome => PostThroughOutboxAsync(outcome, request.Activity.ConversationId, request.Activity.DeliveryId));
            return null;
        }
        if (await TryOpenFormAsync(result, request.TriggerId, request.Activity.ConversationId, cancellationToken))
            return null;
        var payloads = Payloads(result);
        if (payloads.Count == 0)
            return null;
        if (payloads.Count > 1)
            FinishLater(Task.FromResult(result), _ => responseUrl.PostAsync(request.ResponseUrl, payloads.Skip(1).ToList(), CancellationToken.None));
        return payloads[0];
    }

    public async Task<JsonObject?> HandleEventAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        switch (slackEvent)
        {
            case SlackEvent.UrlVerification verification:
                return new JsonObject { ["challenge"] = verification.Challenge };
            case SlackEvent.Message message:
                // Events carry no reply channel: answers are posted into the conversation through the outbox.
                var work = DispatchAsync(message.Activity);
                FinishLater(work, outcome => PostThroughOutboxAsync(outcome, message.Activity.ConversationId, message.Activity.DeliveryId));
                await FinishesWithinBudgetAsync(work);
                return null;
            case SlackEvent.HomeOpened home when home.Tab == "home":
                await PublishHomeAsync(home, cancellationToken);
                return null;
            case SlackEvent.MemberJoined joined when !joined.IsBot:
                await WelcomeAsync(joined, cancellationToken);
                return null;
            case SlackEvent.Uninstalled uninstalled:
                await installations.RevokeAsync(uninstalled.Info.Team.WorkspaceExternalId, cancellationToken);
                LogRevoked(log, uninstalled.Info.Team.WorkspaceExternalId, "app_uninstalled");
                return null;
            case SlackEvent.TokensRevoked revoked when revoked.BotIds.Count > 0:
                await installations.RevokeAsync(revoked.Info.Team.WorkspaceExternalId, cancellationToken);
                LogRevoked(log, revoked.Info.Team.WorkspaceExternalId, "tokens_revoked");
                return null;
            default:
                return null;
        }
    }

    public async Task<JsonObject?> HandleInteractionAsync(SlackInteraction interaction, CancellationToken cancellationToken)
    {
        switch (interaction)
        {
            case SlackInteraction.OpenForm { Form: { } form } open:
                var workspaceId = await WorkspaceIdAsync(open.Activity, cancellationToken);
                if (workspaceId is { } id && open.Info.TriggerId is { } trigger)
                    await OpenModalAsync(id, trigger, form, open.Activity.ConversationId, Localizer.For(open.Activity.Locale), cancellationToken);
                return null;
            case SlackInteraction.OpenForm or SlackInteraction.ButtonClicked:
            {
                var (activity, info) = interaction switch
                {
                    SlackInteraction.OpenForm o => (o.Activity, o.Info),
                    SlackInteraction.ButtonClicked b => (b.Activity, b.Info),
                    _ => throw new InvalidOperationException(),
                };
                var work = DispatchAsync(activity);
                if (!await FinishesWithinBudgetAsync(work))
                {
                    FinishLater(work, outcome => AnswerAsync(outcome, info.ResponseUrl, activity));
                    return null;
                }
                var result = await work;
                if (!result.Duplicate && !await TryOpenFormAsync(result, info.TriggerId, activity.ConversationId, cancellationToken))
                    FinishLater(work, outcome => AnswerAsync(outcome, info.ResponseUrl, activity));
                return null;
            }
            case SlackInteraction.FormSubmitted submitted:
            {
                var result = await DispatchAsync(submitted.Activity);
                if (result.FormErrors is { Count: > 0 } errors)
                    return SlackBlockKitRenderer.ErrorsFor(errors);
                if (!result.Duplicate)
                {
                    var conversation = submitted.Metadata.ChannelId ?? submitted.Activity.UserExternalId;
                    FinishLater(Task.FromResult(result), outcome => PostThroughOutboxAsync(outcome, conversation, submitted.Activity.DeliveryId));
                }
                return null;
            }
            default:
                return null;
        }
    }

    private Task<BotReply> DispatchAsync(InboundActivity activity) => runner.DispatchAsync(activity, WithProfileAsync);

    /// <summary>
    /// The member's name, time zone and locale from users.info (cached by the client), so a member's dates and
    /// language are right from the first command. Best effort: without a token or on a Slack error the activity
    /// goes on as it came (and a member's own <c>me tz</c> / <c>me lang</c> always win).
    /// </summary>
    private async Task<InboundActivity> WithProfileAsync(IPmStore store, InboundActivity activity)
    {
        var workspace = await store.FindWorkspaceAsync(ChannelKind.Slack, activity.WorkspaceExternalId, CancellationToken.None);
        var token = workspace is null ? options.BotToken : await tokens.GetBotTokenAsync(workspace.Id, CancellationToken.None);
        if (token is null)
            return activity;
        try
        {
            var key = workspace?.Id.ToString("N") ?? activity.WorkspaceExternalId;
            var user = await client.GetUserInfoAsync(new SlackCredentials(token, key), activity.UserExternalId, CancellationToken.None);
            var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.RealName : user.DisplayName;
            return activity with
            {
                UserDisplayName = string.IsNullOrWhiteSpace(name) ? activity.UserDisplayName : name,
                TimeZone = user.TimeZone ?? activity.TimeZone,
                Locale = user.Locale ?? activity.Locale,
            };
        }
        catch (Exception ex) when (ex is SlackApiException or SlackUnavailableException)
        {
            LogProfileUnavailable(log, ex.GetType().Name);
            return activity;
        }
    }

    private Task<bool> FinishesWithinBudgetAsync(Task work) => runner.FinishesWithinAsync(work, options.AckBudget);

    private void FinishLater(Task<BotReply> work, Func<BotReply, Task> then) => runner.FinishLater(work, then);

    /// <summary>A reply with a form (a command missing input) opens it as a modal while the trigger is fresh.</summary>
    private async Task<bool> TryOpenFormAsync(BotReply outcome, string? triggerId, string conversationId, CancellationToken cancellationToken)
    {
        var form = outcome.Messages.SelectMany(m => m.Blocks).OfType<FormBlock>().FirstOrDefault();
        if (triggerId is null || form is null || outcome.WorkspaceId is not { } workspaceId)
            return false;
        return await OpenModalAsync(workspaceId, triggerId, form, conversationId, Localizer.For(outcome.Locale), cancellationToken);
    }

    private async Task<bool> OpenModalAsync(Guid workspaceId, string triggerId, FormBlock form, string conversationId, Localizer t, CancellationToken cancellationToken)
    {
        var token = await tokens.GetBotTokenAsync(workspaceId, cancellationToken);
        if (token is null)
            return false;
        var metadata = new SlackModalMetadata(form.Command, conversationId, null, null);
        var view = SlackBlockKitRenderer.RenderModal(form, SlackModalMetadata.CallbackId, metadata.ToJson(), null, RenderOptions(t));
        try
        {
            await client.OpenViewAsync(new SlackCredentials(token, workspaceId.ToString("N")), triggerId, view, cancellationToken);
            return true;
        }
        catch (SlackApiException ex)
        {
            // expired_trigger_id and friends: the form is shown in the message instead.
            LogModalFailed(log, ex.Error);
            return false;
        }
    }

    private Task AnswerAsync(BotReply outcome, string? url, InboundActivity activity) =>
        url is not null && !MustUpload(outcome)
            ? responseUrl.PostAsync(url, Payloads(outcome), CancellationToken.None)
            : PostThroughOutboxAsync(outcome, activity.ConversationId, activity.DeliveryId);

    /// <summary>
    /// A reply with a picture or download PmBot published cannot show it in an ack or through response_url without a
    /// public address (Slack fetches image URLs itself): it goes through the outbox, which uploads the file into the
    /// conversation.
    /// </summary>
    private bool MustUpload(BotReply outcome) =>
        options.PublicBaseUrl is null && outcome.Messages.SelectMany(m => m.Blocks).Any(b => b switch
        {
            ImageBlock image => image.Url.StartsWith(FileUrlSigner.PathPrefix, StringComparison.Ordinal),
            FileBlock file => file.Url.StartsWith(FileUrlSigner.PathPrefix, StringComparison.Ordinal),
            _ => false,
        });

    private List<JsonObject> Payloads(BotReply outcome)
    {
        var t = Localizer.For(outcome.Locale);
        var payloads = new List<JsonObject>();
        foreach (var message in outcome.Messages)
        {
            var pages = SlackBlockKitRenderer.RenderMessage(message, RenderOptions(t));
            for (var i = 0; i < pages.Pages.Count; i++)
            {
                var payload = pages.Payload(i);
                payload["response_type"] = outcome.Visibility == ReplyVisibility.Conversation ? "in_channel" : "ephemeral";
                payloads.Add(payload);
            }
        }
        return payloads;
    }

    private Task PostThroughOutboxAsync(BotReply outcome, string conversationId, string deliveryId) =>
        runner.EnqueueAsync(ChannelKind.Slack, outcome.WorkspaceId, conversationId, $"slack-reply:{deliveryId}", outcome.Messages);

    private async Task PublishHomeAsync(SlackEvent.HomeOpened home, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
        var workspace = await store.FindWorkspaceAsync(ChannelKind.Slack, home.Info.Team.WorkspaceExternalId, cancellationToken);
        if (workspace is null)
            return;
        var member = await store.FindMemberAsync(workspace.Id, home.UserId, cancellationToken);
        if (member is null)
        {
            member = new Member { WorkspaceId = workspace.Id, ExternalUserId = home.UserId, DisplayName = home.UserId, CreatedAt = time.GetUtcNow() };
            store.Add(member);
            await store.SaveChangesAsync(cancellationToken);
        }
        var token = await tokens.GetBotTokenAsync(workspace.Id, cancellationToken);
        if (token is null)
            return;
        var view = SlackBlockKitRenderer.RenderHome(await HomeView.BuildAsync(store, member, cancellationToken), RenderOptions(Localizer.For(member.Locale)));
        try
        {
            await client.PublishViewAsync(new SlackCredentials(token, workspace.Id.ToString("N")), home.UserId, view, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            LogHomeFailed(log, ex.Error);
        }
    }

    private async Task WelcomeAsync(SlackEvent.MemberJoined joined, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
        var workspace = await store.FindWorkspaceAsync(ChannelKind.Slack, joined.Info.Team.WorkspaceExternalId, cancellationToken);
        if (workspace is null
            || await store.FindConversationProjectAsync(workspace.Id, joined.ChannelId, cancellationToken) is not { } binding
            || await store.GetProjectAsync(binding.ProjectId, cancellationToken) is not { } project)
            return;
        var t = Localizer.For(workspace.DefaultLocale);
        var welcome = new MessageBuilder().Text(t["slack.welcome", $"<@{joined.UserId}>", project.Key, project.Name]).Build();
        await runner.EnqueueAsync(ChannelKind.Slack, workspace.Id, joined.ChannelId, $"slack-welcome:{joined.Info.EventId}", [welcome]);
    }

    private async Task<Guid?> WorkspaceIdAsync(InboundActivity activity, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var workspace = await scope.ServiceProvider.GetRequiredService<IPmStore>().FindWorkspaceAsync(ChannelKind.Slack, activity.WorkspaceExternalId, cancellationToken);
        return workspace?.Id;
    }

    private SlackRenderOptions RenderOptions(Localizer t) =>
        new() { OpenFormLabel = t["slack.open_form"], CloseLabel = t["slack.cancel"], PublicBaseUrl = options.PublicBaseUrl };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack users.info unavailable ({Reason}); the member keeps their stored profile")]
    private static partial void LogProfileUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack views.open failed ({Error}); the form stays in the message")]
    private static partial void LogModalFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack views.publish failed ({Error})")]
    private static partial void LogHomeFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack workspace {Workspace}: {Reason}; no more messages are sent there")]
    private static partial void LogRevoked(ILogger logger, string workspace, string reason);
}

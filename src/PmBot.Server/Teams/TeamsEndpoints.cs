using System.Text.Json.Nodes;
using PmBot.Channels.Teams.Inbound;
using PmBot.Channels.Teams.Outbound;
using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Ports;

namespace PmBot.Server.Teams;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Framework endpoint. Every request is authenticated (Bot Framework JWT) before
/// anything else: 401, or 403 for a key not endorsed for the channel, with no detail. Messages are answered through
/// the outbox (paced, retried, never lost); <c>adaptiveCard/action</c> invokes synchronously in the invoke response.
/// </summary>
public static partial class TeamsEndpoints
{
    private const string CardType = "application/vnd.microsoft.card.adaptive";
    private const string MessageType = "application/vnd.microsoft.activity.message";

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        // The Agents Playground probes the endpoint with HEAD before it starts.
        app.MapMethods("/api/messages", ["HEAD"], () => Results.Ok());
        app.MapPost("/api/messages", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, BotFrameworkAuthenticator authenticator, TrustedServiceUrls trusted, DispatchRunner runner,
        EfTeamsConversationStore conversations, BotConnectorClient connector, AdaptiveCardRenderer renderer, TeamsAppOptions options, ILogger<TeamsAppOptions> log)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        TeamsActivity activity;
        try
        {
            var (serviceUrl, channelId) = TeamsActivityParser.ReadServiceUrlAndChannel(body);
            var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, serviceUrl, channelId, http.RequestAborted);
            switch (auth)
            {
                case BotFrameworkAuthResult.Unauthorized refused:
                    LogRefused(log, refused.Reason);
                    return Results.Unauthorized();
                case BotFrameworkAuthResult.Forbidden forbidden:
                    LogRefused(log, forbidden.Reason);
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            // Only service URLs that came with an accepted activity ever receive PmBot's token.
            if (Uri.TryCreate(serviceUrl, UriKind.Absolute, out var trustedUrl))
                trusted.Add(trustedUrl);
            activity = TeamsActivityParser.Parse(body);
        }
        catch (TeamsPayloadException ex)
        {
            LogBadPayload(log, ex.Message);
            return Results.BadRequest();
        }

        switch (activity)
        {
            case TeamsActivity.Message message:
            {
                var work = runner.DispatchAsync(message.Activity);
                runner.FinishLater(work, async outcome =>
                {
                    await conversations.SaveReferenceAsync(outcome.WorkspaceId, message.Reference, message.Activity.UserExternalId, CancellationToken.None);
                    await runner.EnqueueAsync(ChannelKind.Teams, outcome.WorkspaceId, message.Reference.ConversationId, $"teams-reply:{message.Activity.DeliveryId}", outcome.Messages);
                });
                if (!await runner.FinishesWithinAsync(work, options.ReplyBudget))
                    await SendTypingAsync(connector, message.Reference, log);
                return Results.Ok();
            }
            case TeamsActivity.CardAction action:
            {
                var outcome = await runner.DispatchAsync(action.Activity);
                if (outcome.Duplicate)
                    return Invoke(MessageType, JsonValue.Create("✓"));
                await conversations.SaveReferenceAsync(outcome.WorkspaceId, action.Reference, action.Activity.UserExternalId, CancellationToken.None);
                if (outcome.FormErrors is { Count: > 0 } errors)
                    return Invoke(MessageType, JsonValue.Create("⚠️ " + string.Join(" ", errors.Values)));
                var messages = outcome.Messages;
                // A submitted form is replaced by its result; a button's answer is a new message in the conversation.
                if (action.Activity.Form is not null && messages.Count > 0)
                {
                    await runner.EnqueueAsync(ChannelKind.Teams, outcome.WorkspaceId, action.Reference.ConversationId, $"teams-reply:{action.Activity.DeliveryId}", messages.Skip(1).ToList());
                    return Invoke(CardType, renderer.RenderCard(messages[0]));
                }
                await runner.EnqueueAsync(ChannelKind.Teams, outcome.WorkspaceId, action.Reference.ConversationId, $"teams-reply:{action.Activity.DeliveryId}", messages);
                return Invoke(MessageType, JsonValue.Create("✓"));
            }
            case TeamsActivity.Installed installed:
                await WelcomeAsync(runner, conversations, installed.Reference, http.RequestServices);
                return Results.Ok();
            case TeamsActivity.BotAdded added:
                await WelcomeAsync(runner, conversations, added.Reference, http.RequestServices);
                return Results.Ok();
            case TeamsActivity.Uninstalled removed:
                await MarkRemovedAsync(conversations, removed.Reference, http.RequestServices);
                return Results.Ok();
            case TeamsActivity.UnsupportedInvoke:
                return Results.Json(new { statusCode = 501 }, statusCode: StatusCodes.Status200OK);
            default:
                return Results.Ok();
        }
    }

    /// <summary>The invoke response body Teams expects for <c>adaptiveCard/action</c>.</summary>
    private static IResult Invoke(string type, JsonNode? value) =>
        Results.Text(new JsonObject { ["statusCode"] = 200, ["type"] = type, ["value"] = value }.ToJsonString(), "application/json; charset=utf-8");

    private static async Task WelcomeAsync(DispatchRunner runner, EfTeamsConversationStore conversations, TeamsConversationReference reference, IServiceProvider services)
    {
        var workspace = await EnsureWorkspaceAsync(services, reference.TenantId);
        if (workspace is null)
            return;
        await conversations.SaveReferenceAsync(workspace.Id, reference, reference.UserAadObjectId ?? reference.UserId, CancellationToken.None);
        var t = Localizer.For(workspace.DefaultLocale);
        var hello = new MessageBuilder()
            .Text("👋 " + t["teams.welcome"])
            .Actions(
                new ActionButton(t["button.all_commands"], "help", ButtonStyle.Primary),
                new ActionButton(t["button.create_project"], "project create"),
                new ActionButton(t["button.my_projects"], "project list"))
            .Build();
        await runner.EnqueueAsync(ChannelKind.Teams, workspace.Id, reference.ConversationId, $"teams-welcome:{reference.ConversationId}:{reference.ActivityId}", [hello]);
    }

    private static async Task MarkRemovedAsync(EfTeamsConversationStore conversations, TeamsConversationReference reference, IServiceProvider services)
    {
        var workspace = await EnsureWorkspaceAsync(services, reference.TenantId);
        if (workspace is not null)
            await conversations.MarkBlockedAsync(workspace.Id, reference.ConversationId, "app removed (installationUpdate remove)", CancellationToken.None);
    }

    private static async Task<Workspace?> EnsureWorkspaceAsync(IServiceProvider services, string? tenantId)
    {
        if (string.IsNullOrEmpty(tenantId))
            return null;
        var store = services.GetRequiredService<IPmStore>();
        var workspace = await store.FindWorkspaceAsync(ChannelKind.Teams, tenantId, CancellationToken.None);
        if (workspace is not null)
            return workspace;
        workspace = new Workspace { Channel = ChannelKind.Teams, ExternalId = tenantId, Name = tenantId, CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow() };
        store.Add(workspace);
        try
        {
            await store.SaveChangesAsync(CancellationToken.None);
            return workspace;
        }
        catch (DuplicateKeyException)
        {
            return await services.GetRequiredService<IPmStore>().FindWorkspaceAsync(ChannelKind.Teams, tenantId, CancellationToken.None);
        }
    }

    private static async Task SendTypingAsync(BotConnectorClient connector, TeamsConversationReference reference, ILogger log)
    {
        try
        {
            await connector.SendAsync(new Uri(reference.ServiceUrl), reference.ConversationId, new JsonObject { ["type"] = "typing" }, CancellationToken.None);
        }
        catch (Exception ex) when (ex is BotConnectorException or HttpRequestException)
        {
            LogTypingFailed(log, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Bot Framework request: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable Bot Framework activity: {Reason}")]
    private static partial void LogBadPayload(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Typing indicator not sent ({Reason})")]
    private static partial void LogTypingFailed(ILogger logger, string reason);
}

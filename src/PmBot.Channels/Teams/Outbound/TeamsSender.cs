using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;

namespace PmBot.Channels.Teams.Outbound;

/// <summary>
/// Delivers outbox messages to Teams through the Bot Connector: resolves the target with
/// <see cref="ITeamsConversationStore"/> (creating a member's 1:1 conversation first for <c>user:{id}</c> targets),
/// renders Adaptive Card activities and sends them in order.
/// <para>Outcomes: 429 → retry after Retry-After; 412/5xx/timeouts/network errors → retry; 403 → dead and the
/// conversation is marked blocked; 413 → the page is rendered again in smaller pieces once, else dead; other 4xx → dead.</para>
/// <para>Idempotency: the Bot Connector has no message metadata or history to check, so delivery is at least once:
/// a crash (or a lost response) between a send and the outbox commit sends the message again on the next attempt.
/// Each activity carries the outbox key in <c>channelData.pmbotKey</c> (<c>{key}#{page}</c>) so duplicates can be
/// recognised in transcripts.</para>
/// <para>Limits: 7/s burst 8 per conversation (the token bucket covers Teams' 1 s and 2 s windows; its 60 per 30 s
/// and 1800 per hour windows are left to the 429 handling) and, per workspace (tenant), 30/s burst 50 by default.</para>
/// </summary>
public sealed partial class TeamsSender : IChannelSender
{
    private readonly BotConnectorClient _client;
    private readonly ITeamsConversationStore _conversations;
    private readonly AdaptiveCardRenderer _renderer;
    private readonly ILogger<TeamsSender> _log;
    private readonly ThreadParents _threads = new();

    public TeamsSender(BotConnectorClient client, ITeamsConversationStore conversations, AdaptiveCardRenderer renderer,
        IOptions<BotConnectorOptions> options, ILogger<TeamsSender> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _conversations = conversations;
        _renderer = renderer;
        _log = log;
        var o = options.Value;
        Limits = new DeliveryLimits(o.PerConversationPerSecond, o.PerConversationBurst, o.PerWorkspacePerSecond, o.PerWorkspaceBurst);
    }

    public ChannelKind Channel => ChannelKind.Teams;

    public DeliveryLimits Limits { get; }

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        OutboundMessage outbound;
        try
        {
            outbound = OutboundMessage.FromJson(message.Payload);
        }
        catch (JsonException ex)
        {
            return SendResult.DeadLetter("Unreadable payload: " + ex.Message);
        }
        var pages = _renderer.RenderPages(outbound, _renderer.MaxActivityBytes);
        if (pages.Count == 0)
            return SendResult.Sent;

        var target = await _conversations.FindAsync(message.WorkspaceId, message.ConversationId, cancellationToken);
        if (target is null)
            return SendResult.DeadLetter("teams: conversation unknown or bot removed");

        string? conversationId = null;
        try
        {
            conversationId = target.ConversationId;
            if (message.ConversationId.StartsWith(OutboxMessage.UserTargetPrefix, StringComparison.Ordinal) && string.IsNullOrEmpty(conversationId))
            {
                var userId = message.ConversationId[OutboxMessage.UserTargetPrefix.Length..];
                conversationId = (await _client.CreateConversationAsync(target.ServiceUrl, target.BotId, userId, target.TenantId, cancellationToken)).Id;
                await _conversations.SavePersonalConversationAsync(message.WorkspaceId, userId, conversationId, cancellationToken);
            }
            if (string.IsNullOrEmpty(conversationId))
                return SendResult.DeadLetter("teams: the store gave no conversation id");

            var sequence = 0;
            // A reply in the thread of a message this instance sent (the Bot Connector has no history to look it up in).
            string? replyTo = message.ThreadKey is { } parentKey && _threads.TryGet(conversationId, parentKey, out var parentId) ? parentId : null;
            foreach (var page in pages)
            {
                try
                {
                    var activity = Stamp(page.Activity, message.IdempotencyKey, sequence++);
                    var id = replyTo is null
                        ? await _client.SendAsync(target.ServiceUrl, conversationId, activity, cancellationToken)
                        : await _client.ReplyAsync(target.ServiceUrl, conversationId, replyTo, activity, cancellationToken);
                    if (sequence == 1 && !string.IsNullOrEmpty(id))
                        _threads.Remember(conversationId, message.IdempotencyKey, id);
                }
                catch (MessageTooLargeException)
                {
                    // Once: the same blocks in pieces of a quarter of the size (a page that cannot be split is dead); a second 413 is dead.
                    var smaller = _renderer.RenderPages(new OutboundMessage(page.Blocks, outbound.FallbackText), Math.Max(2_000, _renderer.MaxActivityBytes / 4));
                    if (smaller.Count <= 1)
                        return SendResult.DeadLetter("teams:send:413 message too large");
                    foreach (var piece in smaller)
                        await _client.SendAsync(target.ServiceUrl, conversationId, Stamp(piece.Activity, message.IdempotencyKey, sequence++), cancellationToken);
                }
            }
            return SendResult.Sent;
        }
        catch (BotConnectorRateLimitedException ex)
        {
            return SendResult.RetryLater($"teams:{ex.Operation}:429", ex.RetryAfter);
        }
        catch (BotConnectorTransientException ex)
        {
            return SendResult.RetryLater($"teams:{ex.Operation}:{(ex.StatusCode is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "timeout")}");
        }
        catch (BotConnectorForbiddenException ex)
        {
            await _conversations.MarkBlockedAsync(message.WorkspaceId, conversationId ?? message.ConversationId, ex.Message, cancellationToken);
            return SendResult.DeadLetter("bot removed or blocked (403)");
        }
        catch (MessageTooLargeException)
        {
            return SendResult.DeadLetter("teams:send:413 message too large");
        }
        catch (UntrustedServiceUrlException ex)
        {
            return SendResult.DeadLetter(ex.Message);
        }
        catch (BotConnectorException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Unauthorized || ex.Operation == "token")
        {
            return SendResult.RetryLater($"teams:{ex.Operation}:{(int?)ex.StatusCode} authentication failed");
        }
        catch (BotConnectorException ex)
        {
            LogDead(_log, ex.Operation, (int?)ex.StatusCode, message.Id);
            return SendResult.DeadLetter($"teams:{ex.Operation}:{(int?)ex.StatusCode} {ex.Message}");
        }
    }

    private static JsonObject Stamp(JsonObject activity, string key, int sequence)
    {
        var stamped = (JsonObject)activity.DeepClone();
        stamped["channelData"] = new JsonObject { ["pmbotKey"] = $"{key}#{sequence}" };
        return stamped;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector {Operation} answered HTTP {Status} for outbox row {Id}; dead-lettering it")]
    private static partial void LogDead(ILogger logger, string operation, int? status, Guid id);
}

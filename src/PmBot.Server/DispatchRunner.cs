using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;

namespace PmBot.Server;

/// <summary>
/// What Slack and Teams share around the dispatcher: run an activity in its own scope (off the request thread, so the
/// endpoint can ack on time), wait for it within a budget, finish work after the ack, and queue answers in the
/// outbox of a conversation.
/// </summary>
public sealed partial class DispatchRunner(IServiceScopeFactory scopes, TimeProvider time, ILogger<DispatchRunner> log)
{
    /// <summary>Runs on the thread pool with no request token: an answer that misses the ack still finishes.</summary>
    public Task<BotReply> DispatchAsync(InboundActivity activity, Func<IPmStore, InboundActivity, Task<InboundActivity>>? enrich = null) =>
        Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            if (enrich is not null)
                activity = await enrich(scope.ServiceProvider.GetRequiredService<IPmStore>(), activity);
            return await scope.ServiceProvider.GetRequiredService<BotDispatcher>().HandleAsync(activity, CancellationToken.None);
        });

    /// <summary>True when <paramref name="work"/> ends within <paramref name="budget"/> (a zero budget never waits).</summary>
    public async Task<bool> FinishesWithinAsync(Task work, TimeSpan budget)
    {
        // The delay first: with both done, WhenAny picks it, and the answer goes the late way.
        var delay = Task.Delay(budget, time);
        return await Task.WhenAny(delay, work) == work;
    }

    /// <summary>Continues after the ack: <paramref name="then"/> delivers the answer; failures are logged.</summary>
    public void FinishLater(Task<BotReply> work, Func<BotReply, Task> then) =>
        _ = Task.Run(async () =>
        {
            try
            {
                var reply = await work;
                if (!reply.Duplicate)
                    await then(reply);
            }
#pragma warning disable CA1031 // Work after the ack has no caller to fail to: log it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogLateFailure(log, ex);
            }
        });

    /// <summary>Queues messages for a conversation, keyed by the delivery that caused them (a retry queues nothing twice).</summary>
    public async Task EnqueueAsync(ChannelKind channel, Guid? workspace, string conversationId, string keyPrefix, IReadOnlyList<OutboundMessage> messages)
    {
        if (workspace is not { } workspaceId || messages.Count == 0)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
        var now = time.GetUtcNow();
        for (var i = 0; i < messages.Count; i++)
        {
            store.Enqueue(new OutboxMessage
            {
                Channel = channel,
                WorkspaceId = workspaceId,
                ConversationId = conversationId,
                IdempotencyKey = $"{keyPrefix}:{i}",
                Payload = messages[i].ToJson(),
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
        try
        {
            await store.SaveChangesAsync(CancellationToken.None);
        }
        catch (DuplicateKeyException)
        {
            // The same delivery's answer is already queued.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An answer after the ack failed")]
    private static partial void LogLateFailure(ILogger logger, Exception exception);
}

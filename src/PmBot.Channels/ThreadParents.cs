using System.Collections.Concurrent;

namespace PmBot.Channels;

/// <summary>
/// The channel's message ids of recently sent outbox messages, by conversation and idempotency key, so that a later
/// message with <see cref="Core.Outbox.OutboxMessage.ThreadKey"/> can be posted in that message's thread. Bounded: it is
/// cleared when full (a miss is answered from the channel's history where the channel has one).
/// </summary>
public sealed class ThreadParents(int capacity = 20_000)
{
    private readonly ConcurrentDictionary<string, string> _ids = new(StringComparer.Ordinal);

    public void Remember(string conversationId, string idempotencyKey, string messageId)
    {
        if (_ids.Count >= capacity)
            _ids.Clear();
        _ids[Key(conversationId, idempotencyKey)] = messageId;
    }

    public bool TryGet(string conversationId, string idempotencyKey, out string messageId) =>
        _ids.TryGetValue(Key(conversationId, idempotencyKey), out messageId!);

    private static string Key(string conversationId, string idempotencyKey) => conversationId + "\n" + idempotencyKey;
}

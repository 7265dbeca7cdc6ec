using PmBot.Core.Domain;
using PmBot.Core.Outbox;

namespace PmBot.Core.Tests.Outbox;

/// <summary>The fake must behave like the real stores, or the dispatcher tests prove nothing.</summary>
public class InMemoryOutboxStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static OutboxMessage Row(DateTimeOffset due) => new()
    {
        Channel = ChannelKind.WebChat,
        WorkspaceId = Guid.Empty,
        ConversationId = "dm:bob",
        IdempotencyKey = Guid.NewGuid().ToString(),
        Payload = "{}",
        CreatedAt = T0,
        NextAttemptAt = due,
    };

    [Fact]
    public async Task ClaimDueAsync_LeasedOrNotDueRows_AreNotClaimedAndAttemptsCount()
    {
        var store = new InMemoryOutboxStore();
        var due = Row(T0);
        var later = Row(T0.AddMinutes(1));
        store.Add(due, later);

        var first = await store.ClaimDueAsync("a", T0, TimeSpan.FromSeconds(15), 10, default);
        var second = await store.ClaimDueAsync("b", T0.AddSeconds(10), TimeSpan.FromSeconds(15), 10, default);
        var afterLease = await store.ClaimDueAsync("b", T0.AddSeconds(16), TimeSpan.FromSeconds(15), 10, default);

        Assert.Equal([due.Id], first.Select(r => r.Id));
        Assert.Equal(1, first[0].Attempts);
        Assert.Empty(second);
        Assert.Equal([due.Id], afterLease.Select(r => r.Id));
        Assert.Equal(2, store.Row(due.Id).Attempts);
        Assert.Equal("b", store.Row(due.Id).LeaseOwner);
    }

    [Fact]
    public async Task ReleaseAsync_OwnRow_UndoesTheAttempt()
    {
        var store = new InMemoryOutboxStore();
        var row = Row(T0);
        store.Add(row);
        await store.ClaimDueAsync("a", T0, TimeSpan.FromSeconds(15), 10, default);

        await store.ReleaseAsync("other", [(row.Id, T0.AddSeconds(9))], default);
        Assert.Equal(1, store.Row(row.Id).Attempts);
        await store.ReleaseAsync("a", [(row.Id, T0.AddSeconds(5))], default);

        Assert.Equal(0, store.Row(row.Id).Attempts);
        Assert.Equal(T0.AddSeconds(5), store.Row(row.Id).NextAttemptAt);
        Assert.Null(store.Row(row.Id).LeaseOwner);
    }
}

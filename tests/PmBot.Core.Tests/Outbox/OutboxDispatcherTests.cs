using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PmBot.Core.Domain;
using PmBot.Core.Outbox;

namespace PmBot.Core.Tests.Outbox;

public sealed class OutboxDispatcherTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Workspace = new("11111111-1111-1111-1111-111111111111");

    private readonly FakeTimeProvider _time = new(T0);
    private readonly InMemoryOutboxStore _store = new();
    private readonly OutboxSignal _signal = new();
    private int _created;

    public void Dispose() => _signal.Dispose();

    private OutboxDispatcher Dispatcher(RetryPolicy? retry = null, params IChannelSender[] senders) =>
        new(_store, senders, _signal, _time, NullLogger<OutboxDispatcher>.Instance,
            new OutboxDispatcherOptions { Retry = retry ?? RetryPolicy.Default }, "test-owner");

    private OutboxMessage Enqueue(string conversation, ChannelKind channel = ChannelKind.WebChat, DateTimeOffset? createdAt = null)
    {
        var now = _time.GetUtcNow();
        var row = new OutboxMessage
        {
            Channel = channel,
            WorkspaceId = Workspace,
            ConversationId = conversation,
            IdempotencyKey = $"{conversation}-{++_created}",
            Payload = "{}",
            CreatedAt = createdAt ?? now.AddTicks(_created),
            NextAttemptAt = now,
        };
        _store.Add(row);
        return row;
    }

    [Fact]
    public async Task DrainOnceAsync_SenderSucceeds_RowsAreSent()
    {
        var sender = new FakeSender();
        var a = Enqueue("dm:a");
        var b = Enqueue("dm:b");

        var claimed = await Dispatcher(null, sender).DrainOnceAsync(default);

        Assert.Equal(2, claimed);
        foreach (var row in new[] { a, b })
        {
            var stored = _store.Row(row.Id);
            Assert.Equal(OutboxState.Sent, stored.State);
            Assert.Equal(T0, stored.SentAt);
            Assert.Equal(1, stored.Attempts);
            Assert.Null(stored.LeaseOwner);
            Assert.Null(stored.LeaseExpiresAt);
        }
        Assert.Equal(new[] { a.Id, b.Id }.Order(), sender.Sent.Select(s => s.Id).Order());
        Assert.Equal(0, await Dispatcher(null, sender).DrainOnceAsync(default));
    }

    [Fact]
    public async Task DrainOnceAsync_RetryAfter_DelaysThatRowAndBlocksOnlyItsConversation()
    {
        var sender = new FakeSender(row => row.ConversationId == "dm:a" ? SendResult.RetryLater("429", TimeSpan.FromSeconds(30)) : SendResult.Sent);
        var dispatcher = Dispatcher(null, sender);
        var a1 = Enqueue("dm:a");
        var b1 = Enqueue("dm:b");

        await dispatcher.DrainOnceAsync(default);

        var retried = _store.Row(a1.Id);
        Assert.Equal(OutboxState.Pending, retried.State);
        Assert.Equal(1, retried.Attempts);
        Assert.Equal("429", retried.LastError);
        Assert.Equal(T0.AddSeconds(30), retried.NextAttemptAt);
        Assert.Equal(OutboxState.Sent, _store.Row(b1.Id).State);

        // A second later: a new row for the blocked conversation waits, the other conversation goes at once.
        _time.Advance(TimeSpan.FromSeconds(1));
        sender.Respond = _ => SendResult.Sent;
        var a2 = Enqueue("dm:a");
        var b2 = Enqueue("dm:b");
        await dispatcher.DrainOnceAsync(default);

        Assert.Equal(OutboxState.Sent, _store.Row(b2.Id).State);
        var held = _store.Row(a2.Id);
        Assert.Equal(OutboxState.Pending, held.State);
        Assert.Equal(0, held.Attempts);
        Assert.Equal(T0.AddSeconds(30), held.NextAttemptAt);
        Assert.DoesNotContain(sender.Sent, s => s.Id == a2.Id);
    }

    [Fact]
    public async Task DrainOnceAsync_RetryInAConversation_HoldsItsLaterRowsBackInOrder()
    {
        var sender = new FakeSender(row => row.IdempotencyKey == "dm:a-1" ? SendResult.RetryLater("429", TimeSpan.FromSeconds(30)) : SendResult.Sent);
        var dispatcher = Dispatcher(null, sender);
        var a1 = Enqueue("dm:a");
        var a2 = Enqueue("dm:a");
        var b1 = Enqueue("dm:b");

        await dispatcher.DrainOnceAsync(default);

        // The conversation was told to wait: its next row must neither jump the queue nor hit the rate limit.
        Assert.Equal(new[] { a1.Id, b1.Id }.Order(), sender.Sent.Select(s => s.Id).Order());
        var held = _store.Row(a2.Id);
        Assert.Equal(OutboxState.Pending, held.State);
        Assert.Equal(0, held.Attempts);
        Assert.True(held.NextAttemptAt >= _store.Row(a1.Id).NextAttemptAt, "the held row must not become due before the retried one");

        _time.Advance(TimeSpan.FromSeconds(31));
        sender.Respond = _ => SendResult.Sent;
        sender.Sent.Clear();
        await dispatcher.DrainOnceAsync(default);

        Assert.Equal([a1.Id, a2.Id], sender.Sent.Select(s => s.Id));
        Assert.Equal(OutboxState.Sent, _store.Row(a2.Id).State);
        Assert.Equal(1, _store.Row(a2.Id).Attempts);
    }

    [Fact]
    public async Task DrainOnceAsync_RetryUntilMaxAttempts_RowIsDead()
    {
        var sender = new FakeSender(_ => SendResult.RetryLater("503"));
        var dispatcher = Dispatcher(new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 3), sender);
        var row = Enqueue("dm:a");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(1, await dispatcher.DrainOnceAsync(default));
            var stored = _store.Row(row.Id);
            Assert.Equal(attempt, stored.Attempts);
            Assert.Equal(attempt < 3 ? OutboxState.Pending : OutboxState.Dead, stored.State);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal("Gave up after 3 attempts: 503", _store.Row(row.Id).LastError);
        Assert.Equal(0, await dispatcher.DrainOnceAsync(default));
        Assert.Equal(3, sender.Sent.Count);
    }

    [Fact]
    public async Task DrainOnceAsync_SenderDeadLetters_RowIsDeadAtOnce()
    {
        var sender = new FakeSender(_ => SendResult.DeadLetter("channel archived"));
        var row = Enqueue("dm:a");

        await Dispatcher(null, sender).DrainOnceAsync(default);

        Assert.Equal(OutboxState.Dead, _store.Row(row.Id).State);
        Assert.Equal("channel archived", _store.Row(row.Id).LastError);
    }

    [Fact]
    public async Task DrainOnceAsync_SenderThrows_BecomesARetryWithBackoff()
    {
        var sender = new FakeSender(_ => throw new InvalidOperationException("boom"));
        var row = Enqueue("dm:a");

        await Dispatcher(new RetryPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), 5), sender).DrainOnceAsync(default);

        var stored = _store.Row(row.Id);
        Assert.Equal(OutboxState.Pending, stored.State);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal("InvalidOperationException: boom", stored.LastError);
        Assert.InRange(stored.NextAttemptAt, T0.AddSeconds(1), T0.AddSeconds(2));
        Assert.Null(stored.LeaseOwner);
    }

    [Fact]
    public async Task DrainOnceAsync_OneConversation_SendsInCreatedAtOrder()
    {
        var sender = new FakeSender();
        var third = Enqueue("dm:a", createdAt: T0.AddSeconds(-1));
        var first = Enqueue("dm:a", createdAt: T0.AddSeconds(-3));
        var second = Enqueue("dm:a", createdAt: T0.AddSeconds(-2));

        await Dispatcher(null, sender).DrainOnceAsync(default);

        Assert.Equal([first.Id, second.Id, third.Id], sender.Sent.Select(s => s.Id));
    }

    [Fact]
    public async Task DrainOnceAsync_ThrottledConversation_LetsTheEarliestRowsGoFirst()
    {
        var sender = new FakeSender(limits: new DeliveryLimits(1, 1, 1000, 1000));
        var later = Enqueue("dm:a", createdAt: T0.AddSeconds(-1));
        var earlier = Enqueue("dm:a", createdAt: T0.AddSeconds(-2));

        await Dispatcher(null, sender).DrainOnceAsync(default);

        Assert.Equal([earlier.Id], sender.Sent.Select(s => s.Id));
        Assert.Equal(OutboxState.Pending, _store.Row(later.Id).State);
    }

    [Fact]
    public async Task DrainOnceAsync_ChannelWithoutSender_IsDeadLettered()
    {
        var sender = new FakeSender();
        var slack = Enqueue("C123", ChannelKind.Slack);
        var web = Enqueue("dm:a");

        await Dispatcher(null, sender).DrainOnceAsync(default);

        Assert.Equal(OutboxState.Dead, _store.Row(slack.Id).State);
        Assert.Equal("No sender is configured for Slack.", _store.Row(slack.Id).LastError);
        Assert.Equal(OutboxState.Sent, _store.Row(web.Id).State);
        Assert.DoesNotContain(sender.Sent, s => s.Id == slack.Id);
    }

    [Fact]
    public async Task DrainOnceAsync_ConversationThrottled_ReleasesRowsWithoutCountingAnAttempt()
    {
        var sender = new FakeSender(limits: new DeliveryLimits(PerConversationPerSecond: 1, PerConversationBurst: 2, PerWorkspacePerSecond: 1000, PerWorkspaceBurst: 1000));
        var dispatcher = Dispatcher(null, sender);
        var rows = Enumerable.Range(0, 5).Select(_ => Enqueue("dm:a")).ToList();

        Assert.Equal(5, await dispatcher.DrainOnceAsync(default));

        Assert.Equal(rows.Take(2).Select(r => r.Id), sender.Sent.Select(s => s.Id));
        // Handed back one token apart: 1 s, 2 s and 3 s from now at one a second.
        foreach (var (row, i) in rows.Skip(2).Select((r, i) => (r, i)))
        {
            var stored = _store.Row(row.Id);
            Assert.Equal(OutboxState.Pending, stored.State);
            Assert.Equal(0, stored.Attempts);
            Assert.Equal(T0.AddSeconds(1 + i), stored.NextAttemptAt);
            Assert.Null(stored.LeaseOwner);
        }

        // A second later one token has come back: exactly one more row goes.
        _time.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DrainOnceAsync(default);
        Assert.Equal(rows.Take(3).Select(r => r.Id), sender.Sent.Select(s => s.Id));
        Assert.Equal(1, _store.Row(rows[2].Id).Attempts);
    }

    [Fact]
    public async Task DrainOnceAsync_WorkspaceThrottled_ReleasesOtherConversationsAndReturnsTheirToken()
    {
        var sender = new FakeSender(limits: new DeliveryLimits(PerConversationPerSecond: 1, PerConversationBurst: 1, PerWorkspacePerSecond: 1, PerWorkspaceBurst: 1));
        var dispatcher = Dispatcher(null, sender);
        var a = Enqueue("dm:a");
        var b = Enqueue("dm:b");

        await dispatcher.DrainOnceAsync(default);

        Assert.Equal([a.Id], sender.Sent.Select(s => s.Id));
        Assert.Equal(0, _store.Row(b.Id).Attempts);
        Assert.Equal(T0.AddSeconds(1), _store.Row(b.Id).NextAttemptAt);

        // b's conversation token was given back, so b goes as soon as the workspace has one again.
        _time.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DrainOnceAsync(default);
        Assert.Equal([a.Id, b.Id], sender.Sent.Select(s => s.Id));
    }

    private sealed class FakeSender(Func<OutboxMessage, SendResult>? respond = null, DeliveryLimits? limits = null, ChannelKind channel = ChannelKind.WebChat) : IChannelSender
    {
        private readonly Lock _lock = new();

        public Func<OutboxMessage, SendResult> Respond { get; set; } = respond ?? (_ => SendResult.Sent);

        public List<OutboxMessage> Sent { get; } = [];

        public ChannelKind Channel => channel;

        public DeliveryLimits Limits { get; } = limits ?? DeliveryLimits.Unlimited;

        public Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            lock (_lock)
                Sent.Add(message);
            return Task.FromResult(Respond(message));
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;
using PmBot.Server.Tests.Infrastructure;
using PmBot.Storage;

namespace PmBot.Server.Tests.Outbox;

/// <summary>The outbox stores on real databases: leases, exclusive claims, completions, releases, wake-ups.</summary>
public sealed class OutboxStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static async Task<PmBotApp> StartAsync(Store store) =>
        await PmBotApp.StartAsync(store, new Dictionary<string, string?> { ["PmBot:Outbox:Enabled"] = "false" });

    private static async Task<List<OutboxMessage>> EnqueueAsync(PmBotApp app, int count, string conversation = "dm:bob", DateTimeOffset? due = null)
    {
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
        var rows = Enumerable.Range(0, count).Select(i => new OutboxMessage
        {
            Channel = ChannelKind.WebChat,
            WorkspaceId = Guid.NewGuid(),
            ConversationId = conversation,
            IdempotencyKey = $"test:{Guid.NewGuid():N}",
            Payload = OutboundMessage.Text($"message {i}").ToJson(),
            CreatedAt = T0.AddMilliseconds(i),
            NextAttemptAt = due ?? T0,
        }).ToList();
        foreach (var row in rows)
            store.Enqueue(row);
        await store.SaveChangesAsync(CancellationToken.None);
        return rows;
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task ClaimDue_TwoConcurrentClaimers_NeverGetTheSameRow(Store kind)
    {
        await using var app = await StartAsync(kind);
        await EnqueueAsync(app, 300);
        var outbox = app.Get<IOutboxStore>();

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(async () =>
            {
                var mine = new List<Guid>();
                while (true)
                {
                    var rows = await outbox.ClaimDueAsync($"owner-{i}", T0.AddSeconds(1), TimeSpan.FromSeconds(30), 25, CancellationToken.None);
                    if (rows.Count == 0)
                        return mine;
                    mine.AddRange(rows.Select(r => r.Id));
                }
            })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(300, all.Count);
        Assert.Equal(300, all.Distinct().Count());
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task ClaimDue_LeaseExpired_AnotherOwnerTakesItWithTheAttemptCounted(Store kind)
    {
        await using var app = await StartAsync(kind);
        var row = (await EnqueueAsync(app, 1))[0];
        var outbox = app.Get<IOutboxStore>();

        var first = await outbox.ClaimDueAsync("crashed", T0, TimeSpan.FromSeconds(5), 10, CancellationToken.None);
        var during = await outbox.ClaimDueAsync("other", T0.AddSeconds(4), TimeSpan.FromSeconds(5), 10, CancellationToken.None);
        var next = await outbox.NextDueAsync(CancellationToken.None);
        var after = await outbox.ClaimDueAsync("other", T0.AddSeconds(6), TimeSpan.FromSeconds(5), 10, CancellationToken.None);

        Assert.Equal(row.Id, Assert.Single(first).Id);
        Assert.Equal(1, first[0].Attempts);
        Assert.Empty(during);
        Assert.Equal(T0.AddSeconds(5), next);
        Assert.Equal(2, Assert.Single(after).Attempts);

        // The crashed owner's late completion is ignored: the row belongs to "other" now.
        await outbox.CompleteAsync("crashed", [new OutboxCompletion(row.Id, SendOutcome.Sent, null, null)], T0.AddSeconds(7), CancellationToken.None);
        await outbox.CompleteAsync("other", [new OutboxCompletion(row.Id, SendOutcome.Retry, "429", T0.AddSeconds(60))], T0.AddSeconds(7), CancellationToken.None);
        Assert.Equal(T0.AddSeconds(60), await outbox.NextDueAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Complete_SentRetryAndDead_AreWrittenAndSentRowsAreNotClaimedAgain(Store kind)
    {
        await using var app = await StartAsync(kind);
        var rows = await EnqueueAsync(app, 3);
        var outbox = app.Get<IOutboxStore>();
        await outbox.ClaimDueAsync("me", T0, TimeSpan.FromSeconds(15), 10, CancellationToken.None);

        await outbox.CompleteAsync("me",
        [
            new OutboxCompletion(rows[0].Id, SendOutcome.Sent, null, null),
            new OutboxCompletion(rows[1].Id, SendOutcome.Retry, "502 Bad Gateway", T0.AddSeconds(10)),
            new OutboxCompletion(rows[2].Id, SendOutcome.Dead, "403 blocked", null),
        ], T0.AddSeconds(1), CancellationToken.None);

        var later = await outbox.ClaimDueAsync("me", T0.AddSeconds(11), TimeSpan.FromSeconds(15), 10, CancellationToken.None);
        var retried = Assert.Single(later);
        Assert.Equal(rows[1].Id, retried.Id);
        Assert.Equal("502 Bad Gateway", retried.LastError);
        Assert.Equal(2, retried.Attempts);
        var dead = await app.Get<Maintenance>().DeadOutboxAsync(10, CancellationToken.None);
        Assert.Equal("403 blocked", Assert.Single(dead).LastError);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Release_ThrottledRow_IsDueLaterWithoutCountingAnAttempt(Store kind)
    {
        await using var app = await StartAsync(kind);
        var row = (await EnqueueAsync(app, 1))[0];
        var outbox = app.Get<IOutboxStore>();
        await outbox.ClaimDueAsync("me", T0, TimeSpan.FromSeconds(15), 10, CancellationToken.None);

        await outbox.ReleaseAsync("me", [(row.Id, T0.AddSeconds(3))], CancellationToken.None);

        Assert.Empty(await outbox.ClaimDueAsync("me", T0.AddSeconds(2), TimeSpan.FromSeconds(15), 10, CancellationToken.None));
        var again = Assert.Single(await outbox.ClaimDueAsync("me", T0.AddSeconds(3), TimeSpan.FromSeconds(15), 10, CancellationToken.None));
        Assert.Equal(1, again.Attempts);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Enqueue_SameIdempotencyKeyTwice_IsRefusedByTheDatabase(Store kind)
    {
        await using var app = await StartAsync(kind);
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IPmStore>();
        OutboxMessage Row() => new()
        {
            Channel = ChannelKind.WebChat, WorkspaceId = Guid.NewGuid(), ConversationId = "dm:bob", IdempotencyKey = "checkin:1:bob:2026-11-23",
            Payload = OutboundMessage.Text("x").ToJson(), CreatedAt = T0, NextAttemptAt = T0,
        };
        store.Enqueue(Row());
        await store.SaveChangesAsync(CancellationToken.None);

        using var second = app.Services.CreateScope();
        var other = second.ServiceProvider.GetRequiredService<IPmStore>();
        other.Enqueue(Row());
        var error = await Assert.ThrowsAsync<DuplicateKeyException>(() => other.SaveChangesAsync(CancellationToken.None));
        Assert.Equal("OutboxMessages", error.Entity);
    }

    [Fact]
    public async Task SaveChanges_WithOutboxRowsOnPostgres_NotifiesOtherInstances()
    {
        await using var app = await StartAsync(Store.Postgres);
        var connectionString = app.Get<StorageOptions>().ConnectionString;
        await using var listener = new NpgsqlConnection(connectionString);
        await listener.OpenAsync();
        var notified = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, e) => notified.TrySetResult(e.Channel);
        await using (var listen = new NpgsqlCommand("LISTEN pmbot_outbox", listener))
            await listen.ExecuteNonQueryAsync();

        await EnqueueAsync(app, 1);
        var wait = listener.WaitAsync(TimeSpan.FromSeconds(5));

        await wait;
        Assert.Equal("pmbot_outbox", await notified.Task.WaitAsync(TimeSpan.FromSeconds(1)));
    }
}

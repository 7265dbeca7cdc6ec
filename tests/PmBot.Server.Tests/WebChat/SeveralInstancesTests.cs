using PmBot.Server.Tests.Infrastructure;
using PmBot.TestSupport;

namespace PmBot.Server.Tests.WebChat;

/// <summary>Two PmBot instances on one PostgreSQL, each with its own dispatcher and Hangfire server.</summary>
public sealed class SeveralInstancesTests
{
    private static readonly Dictionary<string, string?> WithHangfire = new() { ["PmBot:Hangfire:RunServer"] = "true" };

    [Fact]
    public async Task TwoInstances_SameKeyAtOnceAndANotification_OneProjectAndOneMessage()
    {
        var database = await (await TestPostgres.SharedAsync()).CreateDatabaseAsync();
        var instances = await Task.WhenAll(
            PmBotApp.StartAsync(Store.Postgres, WithHangfire, database),
            PmBotApp.StartAsync(Store.Postgres, WithHangfire, database));
        await using var a = instances[0];
        await using var b = instances[1];
        using var aliceOnA = a.Chat("alice");
        using var bobOnB = b.Chat("bob");

        var replies = await Task.WhenAll(
            aliceOnA.AskAsync("project create \"Apollo\" key APOLLO"),
            bobOnB.AskAsync("project create \"Apollo (Bob)\" key APOLLO"));

        Assert.Single(replies, r => r.Contains("Project APOLLO created", StringComparison.Ordinal));
        Assert.Single(replies, r => r.Contains("already used", StringComparison.Ordinal) || r.Contains("Someone else just changed the same thing", StringComparison.Ordinal));
        Assert.Contains("Projects (1)", await bobOnB.AskAsync("project list"), StringComparison.Ordinal);

        var creator = replies[0].Contains("Project APOLLO created", StringComparison.Ordinal) ? aliceOnA : bobOnB;
        await creator.AskAsync("member add @wei member project APOLLO");
        using var weiOnA = a.Chat("wei");
        using var weiOnB = b.Chat("wei");
        await weiOnB.WaitForAsync("APOLLO");
        await Task.Delay(TimeSpan.FromSeconds(1)); // time for a second delivery, were there one
        var notes = (await weiOnA.ReadAllAsync()).Where(e => e.From == "bot" && (e.Plain ?? "").Contains("APOLLO", StringComparison.Ordinal)).ToList();
        Assert.Single(notes);
    }
}

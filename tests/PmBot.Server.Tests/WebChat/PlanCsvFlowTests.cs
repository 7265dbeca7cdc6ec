using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using PmBot.Server.Tests.Infrastructure;

namespace PmBot.Server.Tests.WebChat;

/// <summary><c>plan import</c> and <c>plan export</c> end to end through the web chat, on SQLite and on PostgreSQL.</summary>
public sealed partial class PlanCsvFlowTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Export_ImportedIntoANewProject_GivesTheSameWbsScheduleAndFile(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        using var alice = app.Chat("alice");
        await alice.AskAsync("project create \"Apollo\" start 2027-01-04");
        await alice.AskAsync("project create \"Copy\" key COPY start 2027-01-04");

        var imported = await alice.AskAsync("plan import project APOLLO\n" + await File.ReadAllTextAsync(ExampleFile()));
        Assert.Contains("Imported into APOLLO: 30 task(s), 36 link(s), 2 level(s) (APOLLO-1 to APOLLO-30).", imported, StringComparison.Ordinal);
        var exported = await ExportAsync(app, alice, "APOLLO");
        var copied = await alice.AskAsync("plan import project COPY\n" + exported);
        Assert.Contains("Imported into COPY: 30 task(s), 36 link(s), 2 level(s) (COPY-1 to COPY-30).", copied, StringComparison.Ordinal);

        Assert.Equal(await alice.AskAsync("task list project APOLLO"), AsApollo(await alice.AskAsync("task list project COPY")));
        Assert.Equal(await alice.AskAsync("plan schedule project APOLLO"), AsApollo(await alice.AskAsync("plan schedule project COPY")));
        Assert.Equal(exported, AsApollo(await ExportAsync(app, alice, "COPY")));
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Import_LongerThanOtherMessages_IsAcceptedWhileOtherLongCommandsAreNot(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        using var alice = app.Chat("alice");
        await alice.AskAsync("project create \"Apollo\"");
        var csv = "name,duration_days,description\n" + string.Concat(Enumerable.Range(1, 300).Select(i => $"Task number {i},2,Some words about task {i}\n"));
        Assert.True(csv.Length > 4000);

        Assert.Contains("Imported into APOLLO: 300 task(s), 0 link(s), 1 level(s) (APOLLO-1 to APOLLO-300).", await alice.AskAsync("plan import\n" + csv), StringComparison.Ordinal);
        Assert.Contains("That message is too long: at most 4000 characters", await alice.AskAsync("task add \"" + new string('x', 4100) + "\""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Import_FromItsForm_ChecksAndImports(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        using var alice = app.Chat("alice");
        await alice.AskAsync("project create \"Apollo\"");
        var form = (await alice.ClickAsync("plan import")).Replies.Single();
        Assert.Contains("form plan import: project, dryrun, csv", form.Plain, StringComparison.Ordinal);
        Assert.Contains("<textarea", form.Html, StringComparison.Ordinal);

        var checkedOnly = await alice.SubmitAsync("plan import", new Dictionary<string, string?> { ["project"] = "APOLLO", ["dryrun"] = "dry-run", ["csv"] = "id,name,predecessors\n1,Design,\n2,Build,1" });
        Assert.Contains("would create 2 task(s), 1 link(s), 1 level(s)", checkedOnly.Replies.Single().Plain, StringComparison.Ordinal);
        var done = await alice.SubmitAsync("plan import", new Dictionary<string, string?> { ["project"] = "APOLLO", ["csv"] = "id,name,predecessors\n1,Design,\n2,Build,1" });
        Assert.Contains("Imported into APOLLO: 2 task(s), 1 link(s), 1 level(s)", done.Replies.Single().Plain, StringComparison.Ordinal);
        Assert.Contains("2 | APOLLO-2 | Build | 1 |  | APOLLO-1", await alice.AskAsync("task list"), StringComparison.Ordinal);
    }

    /// <summary>Runs <c>plan export</c> and returns the published file as text (checking it starts with a UTF-8 byte order mark).</summary>
    private static async Task<string> ExportAsync(PmBotApp app, WebChatClient chat, string key)
    {
        var reply = await chat.AskAsync($"plan export project {key}");
        var url = FileUrl().Match(reply);
        Assert.True(url.Success, reply);
        var bytes = await app.ReadPublishedAsync(url.Value);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    private static string AsApollo(string text) => text.Replace("COPY · Copy", "APOLLO · Apollo", StringComparison.Ordinal).Replace("COPY", "APOLLO", StringComparison.Ordinal);

    private static string ExampleFile([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "docs", "examples", "apollo-plan.csv"));

    [GeneratedRegex(@"/files/\S+")]
    private static partial Regex FileUrl();
}

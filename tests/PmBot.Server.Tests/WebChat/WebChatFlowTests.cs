using System.Net;
using System.Net.Http.Json;
using PmBot.Server.Tests.Infrastructure;
using PmBot.Server.WebChat;

namespace PmBot.Server.Tests.WebChat;

/// <summary>The walking-skeleton flows through the web chat API, on SQLite and on PostgreSQL.</summary>
public sealed class WebChatFlowTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Help_NewUser_ListsEveryCommand(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        using var alice = app.Chat("alice");

        var reply = await alice.AskAsync("help");

        Assert.Contains("PmBot commands", reply, StringComparison.Ordinal);
        foreach (var usage in new[] { "project create \"<name>\" [key KEY] [start DATE] [finish DATE]", "project list", "project show [KEY]", "project use KEY",
                     "member add @user pm|member|stakeholder [project KEY]", "member list [project KEY]", "me tz <IANA zone>", "me lang en|zh-CN" })
            Assert.Contains(usage, reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task ProjectCreate_ThenShowAfterRestart_ProjectIsStillThere(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        using (var alice = app.Chat("alice"))
        {
            var created = await alice.AskAsync("project create \"Apollo\" start 2027-01-04 finish 2027-03-26");
            Assert.Contains("Project APOLLO created. Alice Chen is its PM.", created, StringComparison.Ordinal);
        }

        await app.RestartAsync();

        using var again = app.Chat("alice");
        var shown = await again.AskAsync("project show APOLLO");
        Assert.Contains("APOLLO · Apollo", shown, StringComparison.Ordinal);
        Assert.Contains("Planned start: 2027-01-04", shown, StringComparison.Ordinal);
        Assert.Contains("Planned finish: 2027-03-26", shown, StringComparison.Ordinal);
        Assert.Contains("PM: Alice Chen", shown, StringComparison.Ordinal);
        Assert.Contains("Status: Planning", shown, StringComparison.Ordinal);
        var transcript = await again.ReadAllAsync();
        Assert.Equal(["user", "bot", "user", "bot"], transcript.Select(e => e.From));
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task ProjectCreate_KeyDerivedTwice_SecondGetsNextKey(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        using var alice = app.Chat("alice");

        Assert.Contains("Project APOLLO created", await alice.AskAsync("project create \"Apollo\""), StringComparison.Ordinal);
        Assert.Contains("Project APOLLO2 created", await alice.AskAsync("project create \"Apollo\""), StringComparison.Ordinal);
        Assert.Contains("The key APOLLO is already used by \"Apollo\"", await alice.AskAsync("project create \"Other\" key apollo"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task MemberAdd_ByPm_NotifiesTheAddedMemberThroughTheOutbox(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        using var alice = app.Chat("alice");
        using var wei = app.Chat("wei");
        await alice.AskAsync("project create \"Apollo\"");
        await alice.AskAsync("project use APOLLO");

        var added = await alice.AskAsync("member add @wei member");

        Assert.Contains("Wei Zhang 张伟 joined APOLLO as Member.", added, StringComparison.Ordinal);
        // Wei reads Chinese: the notification is written in Wei's language, not Alice's.
        var note = await wei.WaitForAsync("Alice Chen 已将你加入 APOLLO · Apollo，角色：成员。");
        Assert.Equal("bot", note.From);
        var list = await alice.AskAsync("member list");
        Assert.Contains("Alice Chen | PM | America/New_York", list, StringComparison.Ordinal);
        Assert.Contains("Wei Zhang 张伟 | Member | Asia/Shanghai", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task MemberAdd_ByNonPm_IsRefusedWithTheRoleNeeded(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        using var alice = app.Chat("alice");
        using var bob = app.Chat("bob");
        await alice.AskAsync("project create \"Apollo\"");
        await alice.AskAsync("member add @bob member project APOLLO");

        var refused = await bob.AskAsync("member add @carla stakeholder project APOLLO");

        Assert.Contains("This needs the role PM in APOLLO; yours is Member.", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Carla", await alice.AskAsync("member list project APOLLO"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameClientIdTwice_HasOneEffect()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        using var alice = app.Chat("alice");

        var first = await alice.SayAsync("project create \"Apollo\"", clientId: "retry-1");
        var second = await alice.SayAsync("project create \"Apollo\"", clientId: "retry-1");

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        var list = await alice.AskAsync("project list");
        Assert.Contains("Projects (1)", list, StringComparison.Ordinal);
        Assert.Equal(4, (await alice.ReadAllAsync()).Count); // create + reply, list + reply: the retried line is not repeated
    }

    [Fact]
    public async Task Say_UnknownCommand_SuggestsTheClosest()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        using var alice = app.Chat("alice");

        var reply = await alice.AskAsync("projct list");

        Assert.Contains("I don't know the command \"projct\".", reply, StringComparison.Ordinal);
        Assert.Contains("Did you mean `project list`?", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_BadDate_PointsAtTheTokenAndShowsUsage()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        using var alice = app.Chat("alice");

        var reply = await alice.AskAsync("project create \"Apollo\" start 2026-13-01");

        Assert.Contains("\"2026-13-01\" is not a date I understand.", reply, StringComparison.Ordinal);
        // "project create \"Apollo\" start " is 30 characters wide: the carets start under the date.
        Assert.Contains("project create \"Apollo\" start 2026-13-01\n" + new string(' ', 30) + "^^^^^^^^^^\n", reply, StringComparison.Ordinal);
        Assert.Contains("Usage: `project create \"<name>\" [key KEY] [start DATE] [finish DATE]`", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_TextOver4000Characters_IsRefusedButKept()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        using var alice = app.Chat("alice");
        var text = "project create \"" + new string('x', 4100) + "\"";

        var reply = await alice.AskAsync(text);

        Assert.Contains($"That message is too long: at most 4000 characters, yours has {text.Length}.", reply, StringComparison.Ordinal);
        var stored = await alice.ReadAllAsync();
        Assert.Equal(text, stored[0].Text);
    }

    [Fact]
    public async Task MeTz_InvalidZone_NamesValidExamples()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        using var alice = app.Chat("alice");

        var reply = await alice.AskAsync("me tz Mars/Olympus");

        Assert.Contains("\"Mars/Olympus\" is not a time zone I know. Use an IANA name such as Asia/Shanghai, Europe/Berlin, America/New_York, UTC.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeLang_Chinese_LaterRepliesAreChinese()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        using var bob = app.Chat("bob");

        Assert.Contains("从现在起我会用简体中文和你交流。", await bob.AskAsync("me lang zh-CN"), StringComparison.Ordinal);
        Assert.Contains("asia/shanghai", (await bob.AskAsync("me tz asia/shanghai")).ToLowerInvariant(), StringComparison.Ordinal);

        var me = await bob.AskAsync("me");
        Assert.Contains("时区: Asia/Shanghai", me, StringComparison.Ordinal);
        Assert.Contains("语言: 简体中文", me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ButtonWithoutArguments_OpensItsForm_AndFormErrorsComeBackPerInput()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        using var alice = app.Chat("alice");
        await alice.AskAsync("project create \"Apollo\"");

        var form = await alice.ClickAsync("member add project APOLLO");
        Assert.Equal("{form member add: user, role, project=APOLLO}", form.Replies[0].Plain);

        var invalid = await alice.SubmitAsync("member add", new Dictionary<string, string?> { ["user"] = "bob", ["role"] = "boss", ["project"] = "APOLLO" });
        Assert.NotNull(invalid.FormErrors);
        Assert.Equal("\"bob\" is not a person. Mention them with @, e.g. @bob.", invalid.FormErrors!["user"]);
        Assert.Equal("\"boss\" is not one of: pm, member, stakeholder.", invalid.FormErrors["role"]);

        var valid = await alice.SubmitAsync("member add", new Dictionary<string, string?> { ["user"] = "@bob", ["role"] = "member", ["project"] = "APOLLO" });
        Assert.Null(valid.FormErrors);
        Assert.Contains("Bob Smith joined APOLLO as Member.", valid.Replies[0].Plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_BadInput_GetsLocalizedClientErrorsNever500()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        using var http = app.CreateClient();

        var noSession = await http.PostAsJsonAsync("/api/webchat/messages", new { text = "help" });
        Assert.Equal(HttpStatusCode.Unauthorized, noSession.StatusCode);
        Assert.Equal("Choose who you are first.", (await noSession.Content.ReadFromJsonAsync<WebChatEndpoints.ErrorView>())!.Error);

        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var unknownUser = await http.PostAsJsonAsync("/api/webchat/session", new { userId = "mallory" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownUser.StatusCode);
        Assert.Equal("没有这个本地用户。", (await unknownUser.Content.ReadFromJsonAsync<WebChatEndpoints.ErrorView>())!.Error);

        using var alice = app.Chat("alice");
        await alice.SignInAsync();
        var notJson = await alice.Http.PostAsync("/api/webchat/messages", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("not valid JSON", (await notJson.Content.ReadFromJsonAsync<WebChatEndpoints.ErrorView>())!.Error, StringComparison.Ordinal);

        var twoIntents = await alice.Http.PostAsJsonAsync("/api/webchat/messages", new { text = "help", command = "me" });
        Assert.Equal(HttpStatusCode.BadRequest, twoIntents.StatusCode);
    }
}

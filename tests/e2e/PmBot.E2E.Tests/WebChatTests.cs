using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PmBot.E2E.Tests;

/// <summary>
/// Drives the built-in web chat page in a real browser against the real server: what a person sees and clicks.
/// Each test chats as a different local user, so the shared server's transcripts do not interfere.
/// </summary>
public sealed class WebChatTests : IClassFixture<PmBotServerFixture>, IAsyncLifetime
{
    private static readonly LocatorAssertionsToBeVisibleOptions Eventually = new() { Timeout = 15_000 };

    private readonly PmBotServerFixture _server;
    private readonly ITestOutputHelper _output;
    private readonly List<string> _pageErrors = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public WebChatTests(PmBotServerFixture server, ITestOutputHelper output)
    {
        _server = server;
        _output = output;
        SetDefaultExpectTimeout(10_000);
    }

    public async Task InitializeAsync()
    {
        _context = await _server.Browser.NewContextAsync(new()
        {
            BaseURL = _server.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 900 },
            Locale = "en-US",
        });
        _page = await _context.NewPageAsync();
        _page.PageError += (_, error) => _pageErrors.Add(error);
        _page.Console += (_, message) =>
        {
            // A failed request is logged by the browser itself; the page shows those as red lines, which tests check.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                _pageErrors.Add(message.Text);
        };
        await _page.GotoAsync("/");
    }

    public async Task DisposeAsync()
    {
        await _context.CloseAsync();
    }

    [Fact]
    public async Task WebChat_CreateProjectAndClickButton_ShowsMembers()
    {
        await ChooseAsync("alice", "Alice Chen");

        await SendAsync("help");
        await Expect(BotMessages().Locator("table.pm-table").Filter(new() { HasText = "project create" })).ToBeVisibleAsync();

        await SendAsync("project create \"Apollo\"");
        var card = _page.Locator(".from-bot .pm-message:has(dl.pm-fields)").Filter(new() { Has = _page.Locator("h3.pm-heading", new() { HasText = "APOLLO" }) });
        await Expect(card).ToBeVisibleAsync();

        await card.GetByRole(AriaRole.Button, new() { Name = "Members", Exact = true }).ClickAsync();
        var members = _page.Locator(".from-bot .pm-message:has(table.pm-table)").Filter(new() { Has = _page.Locator("h3.pm-heading", new() { HasText = "APOLLO" }) });
        await Expect(members.Locator("td", new() { HasText = "Alice Chen" })).ToBeVisibleAsync();
        // The click is shown as the member's own line.
        await Expect(_page.Locator(".from-user .bubble", new() { HasText = "member list project APOLLO" })).ToBeVisibleAsync();

        // The documentation picture: Alice's view with the project card and its members.
        if (Environment.GetEnvironmentVariable("PMBOT_E2E_SCREENSHOT") == "1")
            await SaveScreenshotAsync("webchat.png");

        await members.GetByRole(AriaRole.Button, new() { Name = "Add member", Exact = true }).ClickAsync();
        var form = BotMessages().Locator("form.pm-form").Last;
        await Expect(form).ToBeVisibleAsync();
        var person = form.Locator("input[list='pm-people']");
        await person.FillAsync("@bob");
        await form.Locator("select[name='role']").SelectOptionAsync("member");
        await form.Locator("button[type='submit']").ClickAsync();

        await Expect(BotMessages().Filter(new() { HasText = "Bob Smith joined APOLLO" })).ToBeVisibleAsync();
        await Expect(person).ToBeDisabledAsync();
        // The people panel picks up Bob's new role.
        await Expect(_page.Locator("button.user[data-user-id='bob']")).ToContainTextAsync("APOLLO");

        // Bob hears about it through the outbox, without sending anything himself.
        await ChooseAsync("bob", "Bob Smith");
        await Expect(BotMessages().Filter(new() { HasText = "added you to APOLLO" })).ToBeVisibleAsync(Eventually);
        await Expect(_page.Locator("button.user[data-user-id='alice']")).ToHaveAttributeAsync("aria-pressed", "false");

        AssertNoPageErrors();
    }

    [Fact]
    public async Task WebChat_PlanGantt_ShowsTheChartPicture()
    {
        await ChooseAsync("alice", "Alice Chen");
        string[] plan =
        [
            "project create \"Rocket\" key ROCKET start -6d finish +16d",
            "project use ROCKET",
            "task add \"Design\" days 3",
            "task add \"Build engine\" days 6",
            "task add \"User guide\" days 3",
            "task add \"Test flight\" days 4",
            "task add \"Launch\" days 0",
            "task link ROCKET-1 ROCKET-2",
            "task link ROCKET-1 ROCKET-3",
            "task link ROCKET-2 ROCKET-4",
            "task link ROCKET-4 ROCKET-5",
            "task link ROCKET-3 ROCKET-5",
            "plan baseline",
            "task add \"Engine review\" days 2",
            "task link ROCKET-2 ROCKET-6",
            "task link ROCKET-6 ROCKET-4",
            "task done ROCKET-1",
            "task progress ROCKET-2 50%",
        ];
        foreach (var line in plan)
        {
            // One line at a time: the page ignores a new line while the last one is still being sent.
            var answered = await _page.Locator(".entry.from-bot").CountAsync();
            await SendAsync(line);
            await _page.WaitForFunctionAsync(
                "n => document.querySelectorAll('.entry.from-bot').length > n && !document.querySelector('.entry.pending')", answered);
        }

        await SendAsync("plan gantt");

        var chart = BotMessages().Filter(new() { Has = _page.Locator("h3.pm-heading", new() { HasText = "ROCKET · Rocket: Gantt chart" }) })
            .Locator("figure.pm-image img");
        await Expect(chart).ToBeVisibleAsync(Eventually);
        await Expect(chart).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/files/"));
        await _page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await chart.ElementHandleAsync());
        Assert.Equal(1200, await chart.EvaluateAsync<int>("img => img.naturalWidth"));

        if (Environment.GetEnvironmentVariable("PMBOT_E2E_SCREENSHOT") == "1")
        {
            // The picture arrived after the page scrolled to the reply: show all of it.
            await _page.EvalOnSelectorAsync("#transcript", "t => t.scrollTop = t.scrollHeight");
            await SaveScreenshotAsync("webchat-gantt.png");
        }
        AssertNoPageErrors();
    }

    [Fact]
    public async Task WebChat_CheckinForm_ReportsProgressHoursLeftAndABlocker()
    {
        await ChooseAsync("alice", "Alice Chen");
        foreach (var line in new[]
        {
            "project create \"Comet\" key COMET", "project use COMET", "member add @bob member",
            "task add \"Telescope\" days 3 effort 24h owner @bob", "checkin schedule add standup at 09:00 days daily",
        })
        {
            var answered = await _page.Locator(".entry.from-bot").CountAsync();
            await SendAsync(line);
            await _page.WaitForFunctionAsync(
                "n => document.querySelectorAll('.entry.from-bot').length > n && !document.querySelector('.entry.pending')", answered);
        }

        await ChooseAsync("bob", "Bob Smith");
        await SendAsync("checkin now");
        var form = BotMessages().Locator("form.pm-form").Filter(new() { HasText = "COMET" }).Last;
        await Expect(form).ToBeVisibleAsync();
        await form.Locator("[name$='.q1']").FillAsync("Ordered the lenses");
        await form.Locator("[name$='.q2']").FillAsync("Mount the telescope");
        await form.Locator("[name$='.q3']").FillAsync("Waiting for the mount");
        await form.Locator("select[name$='.q3.task']").SelectOptionAsync("1");
        await Expect(form.Locator("[name$='.t1']")).ToHaveValueAsync("0");
        await form.Locator("[name$='.t1']").FillAsync("40");
        await form.Locator("[name$='.r1']").FillAsync("1.5d");
        if (Environment.GetEnvironmentVariable("PMBOT_E2E_SCREENSHOT") == "1")
            await SaveScreenshotAsync("webchat-checkin.png");
        await form.Locator("button[type='submit']").ClickAsync();

        var recorded = BotMessages().Filter(new() { HasText = "Your Daily stand-up for COMET is recorded" });
        await Expect(recorded).ToBeVisibleAsync();
        await Expect(recorded).ToContainTextAsync("Progress updated: COMET-1 40%, 12h left.");
        await Expect(recorded).ToContainTextAsync("Blocker #1 opened: Waiting for the mount");

        AssertNoPageErrors();
    }

    [Fact]
    public async Task WebChat_MistypedCommand_SuggestsDidYouMean()
    {
        await ChooseAsync("carla", "Carla Díaz");

        await SendAsync("projct list");

        await Expect(_page.Locator(".from-user .bubble", new() { HasText = "projct list" })).ToBeVisibleAsync();
        await Expect(BotMessages().Filter(new() { HasText = "Did you mean" })).ToBeVisibleAsync();

        // The session cookie remembers who you are, and the transcript comes back after a reload.
        await _page.ReloadAsync();
        await Expect(_page.Locator("button.user[data-user-id='carla']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(BotMessages().Filter(new() { HasText = "Did you mean" })).ToBeVisibleAsync();
        await Expect(BotMessages().Filter(new() { HasText = "Did you mean" })).ToHaveCountAsync(1);

        AssertNoPageErrors();
    }

    [Fact]
    public async Task WebChat_SendFails_KeepsTextAndShowsError()
    {
        await ChooseAsync("wei", "Wei Zhang");
        const string text = "project list";

        await _page.RouteAsync("**/api/webchat/messages", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await route.FulfillAsync(new()
                {
                    Status = 503,
                    ContentType = "application/json",
                    Body = JsonSerializer.Serialize(new { error = "The bot is busy." }),
                });
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await SendAsync(text);

        await Expect(_page.Locator(".system.error", new() { HasText = "The bot is busy." })).ToBeVisibleAsync();
        await Expect(_page.Locator("#message")).ToHaveValueAsync(text);

        // Once the server answers again, the same words go through and the box empties.
        await _page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.Wait });
        await _page.Locator("#message").PressAsync("Enter");
        await Expect(BotMessages().Filter(new() { HasText = "MOON" })).ToBeVisibleAsync();
        await Expect(_page.Locator("#message")).ToHaveValueAsync("");

        AssertNoPageErrors();
    }

    private ILocator BotMessages() => _page.Locator(".entry.from-bot .pm-message");

    private async Task ChooseAsync(string userId, string name)
    {
        var button = _page.Locator($"button.user[data-user-id='{userId}']");
        await Expect(button).ToContainTextAsync(name);
        await button.ClickAsync();
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(_page.Locator("#message")).ToBeEnabledAsync();
    }

    private async Task SendAsync(string text)
    {
        var box = _page.Locator("#message");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    private async Task SaveScreenshotAsync(string name)
    {
        var path = _server.RepoPath("docs", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Let the last poll settle and move the pointer off the buttons so the picture shows a quiet page.
        await _page.Mouse.MoveAsync(640, 28, new() { Steps = 5 });
        await _page.WaitForTimeoutAsync(1200);
        await _page.ScreenshotAsync(new() { Path = path });
        _output.WriteLine($"Saved {path}");
    }

    private void AssertNoPageErrors()
    {
        if (_pageErrors.Count > 0)
            _output.WriteLine(_server.ServerLog);
        Assert.Empty(_pageErrors);
    }
}

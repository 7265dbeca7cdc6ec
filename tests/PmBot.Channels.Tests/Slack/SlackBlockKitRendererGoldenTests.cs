using PmBot.Channels.Slack;
using PmBot.Core.Domain;
using PmBot.Core.Features.Projects;
using PmBot.Core.Localization;
using PmBot.Core.Messages;

namespace PmBot.Channels.Tests.Slack;

public class SlackBlockKitRendererGoldenTests
{
    private static readonly SlackRenderOptions Options = new() { PublicBaseUrl = new Uri("https://pmbot.example.com/") };

    private static SlackMessagePages Render(params Block[] blocks) => SlackBlockKitRenderer.RenderMessage(new OutboundMessage(blocks, "fallback"), Options);

    internal static FormBlock EveryInputForm() => new("Create a project", "project create", "Submit",
    [
        new FormInput("name", "Name", InputKind.Text, true, "Moon base", "Apollo"),
        new FormInput("goal", "Goal", InputKind.Multiline, false, "What is it for?", "Land\non the moon"),
        new FormInput("budget", "Budget", InputKind.Number, false, null, "1200"),
        new FormInput("start", "Start date", InputKind.Date, false, "YYYY-MM-DD", "2026-12-01"),
        new FormInput("role", "Role", InputKind.Select, true, null, "member", [new Choice("Project manager", "pm"), new Choice("Team member", "member")]),
        new FormInput("lang", "Language", InputKind.Select, false, null, null, [new Choice("English", "en"), new Choice("中文 (简体)", "zh-CN")]),
        new FormInput("user", "Person", InputKind.Person, true, null, "<@U0ANN0001>"),
    ]);

    [Fact]
    public void RenderMessage_Heading_MatchesGolden()
    {
        SlackGoldens.AssertMessage("heading", Render(new HeadingBlock("APOLLO · Moon landing 🚀")));
    }

    [Fact]
    public void RenderMessage_TextWithMarkdown_MatchesGolden()
    {
        const string markdown = "Plain *bold* and _italic_ with `code`.\nSecond line & <b>not html</b> <!channel> for <@U0ANN0001>\n- first item\n- *second* item\nAfter the list\n```\nproject create \"X\"\n- not a bullet\n```\nEnd";

        SlackGoldens.AssertMessage("text", Render(new TextBlock(markdown)));
    }

    [Fact]
    public void RenderMessage_Fields_MatchesGolden()
    {
        SlackGoldens.AssertMessage("fields", Render(new FieldsBlock([new Field("Key", "APOLLO"), new Field("Status", "Planning"), new Field("PM", "<@U0ANN0001>"), new Field("Budget", "")])));
    }

    [Fact]
    public void RenderMessage_TableWithChinese_MatchesGolden()
    {
        SlackGoldens.AssertMessage("table", Render(new TableBlock(["Key", "Name", "Finish"], [["APOLLO", "Moon landing", "2026-12-24"], ["ZEUS", "天空计划", "—"], ["R&D", "<Lab>", ""]])));
    }

    [Fact]
    public void RenderMessage_Images_MatchesGolden()
    {
        SlackGoldens.AssertMessage("image", Render(
            new ImageBlock("/charts/burndown.png?sig=a1&x=2", "Burn-down chart", "Sprint 4"),
            new ImageBlock("https://cdn.example.com/logo.png", "Logo"),
            new ImageBlock("javascript:alert(1)", "Not shown: an unsafe URL")));
    }

    [Fact]
    public void RenderMessage_ImageRelativeWithoutBaseUrl_FallsBackToContext()
    {
        var pages = SlackBlockKitRenderer.RenderMessage(new OutboundMessage([new ImageBlock("/charts/x.png", "Burn-down")], "x"));

        Assert.Equal("context", pages.Pages[0][0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void RenderMessage_Context_MatchesGolden()
    {
        SlackGoldens.AssertMessage("context", Render(new ContextBlock("Tip: `project use KEY` sets this conversation's project.")));
    }

    [Fact]
    public void RenderMessage_ActionsInEveryStyle_MatchesGolden()
    {
        SlackGoldens.AssertMessage("actions", Render(new ActionsBlock(
        [
            new ActionButton("Members", "member list project APOLLO"),
            new ActionButton("Add member", "member add project APOLLO", ButtonStyle.Primary),
            new ActionButton("Close", "project close APOLLO", ButtonStyle.Danger),
        ])));
    }

    [Fact]
    public void RenderMessage_Form_MatchesGolden()
    {
        SlackGoldens.AssertMessage("form", Render(new FormBlock("New project", "project create", "Create",
            [new FormInput("name", "Name", InputKind.Text, Required: true), new FormInput("finish", "Finish", InputKind.Date, Placeholder: "YYYY-MM-DD")])));
    }

    [Fact]
    public void RenderModal_EveryInputKind_MatchesGolden()
    {
        var metadata = new SlackModalMetadata("project create", "C2147483705", Hidden: new Dictionary<string, string> { ["source"] = "form" }).ToJson();

        SlackGoldens.Assert("modal-form", SlackBlockKitRenderer.RenderModal(EveryInputForm(), SlackModalMetadata.CallbackId, metadata));
    }

    [Fact]
    public void RenderModal_WithErrors_MatchesGolden()
    {
        var form = new FormBlock("Add a task", "task add", "Add", [new FormInput("title", "Title", InputKind.Text, true, null, "x"), new FormInput("due", "Due", InputKind.Date, false, null, "next friday")]);
        var errors = new Dictionary<string, string> { ["title"] = "A title needs 3 characters or more.", ["due"] = "Not a date." };

        SlackGoldens.Assert("modal-errors", SlackBlockKitRenderer.RenderModal(form, SlackModalMetadata.CallbackId, new SlackModalMetadata("task add").ToJson(), errors));
    }

    [Fact]
    public void RenderModal_ThirtyCharacterTitle_TruncatedTo24()
    {
        const string title = "Change the project manager now";
        Assert.Equal(30, title.Length);
        var form = new FormBlock(title, "project pm", "Change a project manager now", [new FormInput("pm", "New PM", InputKind.Person, true)]);
        var view = SlackBlockKitRenderer.RenderModal(form, SlackModalMetadata.CallbackId, new SlackModalMetadata("project pm").ToJson());

        Assert.Equal("Change the project mana…", view["title"]!["text"]!.GetValue<string>());
        SlackGoldens.Assert("modal-long-title", view);
    }

    [Fact]
    public void RenderHome_Message_MatchesGolden()
    {
        var home = new MessageBuilder().Heading("Welcome to PmBot").Text("I plan and track your projects right here in chat.")
            .Actions(new ActionButton("Projects", "project list"), new ActionButton("Create a project", "project create", ButtonStyle.Primary)).Build();

        SlackGoldens.Assert("home-welcome", SlackBlockKitRenderer.RenderHome(home, Options));
    }

    [Fact]
    public void ErrorsFor_FormErrors_MatchesGolden()
    {
        SlackGoldens.Assert("errors-form", SlackBlockKitRenderer.ErrorsFor(new Dictionary<string, string> { ["name"] = "Required.", ["finish"] = "Must be after the start." }));
    }

    [Fact]
    public void RenderMessage_ProjectCard_MatchesGolden()
    {
        var pm = new Member { WorkspaceId = Guid.Empty, ExternalUserId = "U0ANN0001", DisplayName = "Ann Lee" };
        var project = new Project
        {
            WorkspaceId = Guid.Empty,
            Key = "APOLLO",
            Name = "Moon landing",
            Goal = "Land *two* people on the moon",
            PlannedStart = new DateOnly(2026, 11, 23),
            PlannedFinish = new DateOnly(2027, 2, 15),
            PmMemberId = pm.Id,
        };

        var message = ProjectCard.Build(Localizer.English, project, pm, 3, "🎉 Project APOLLO created. Ann Lee is its PM.");

        SlackGoldens.AssertMessage("project-card", SlackBlockKitRenderer.RenderMessage(message, Options));
    }

    // ---------- Splitting ----------

    [Fact]
    public void RenderMessage_Text3001Chars_TwoSections()
    {
        var line = new string('a', 99);
        var text = string.Join('\n', Enumerable.Repeat(line, 30)) + "\n" + "tail"; // 30×100 − 1 + 1 + 4 = 3004
        text = text[..3001];
        var pages = Render(new TextBlock(text));

        Assert.Equal(2, pages.Pages[0].Count);
        SlackGoldens.AssertMessage("split-text-3001", pages);
    }

    [Fact]
    public void RenderMessage_LongCodeFence_ClosedAndReopenedAcrossSections()
    {
        var code = "```\n" + string.Join('\n', Enumerable.Range(1, 400).Select(i => $"line {i:D4} of the log")) + "\n```";
        var pages = Render(new TextBlock(code));
        var texts = pages.Pages[0].Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();

        Assert.True(texts.Count >= 3);
        Assert.All(texts, t => Assert.True(t.StartsWith("```\n", StringComparison.Ordinal) && t.EndsWith("\n```", StringComparison.Ordinal) && t.Length <= 3000, t[..20]));
    }

    [Fact]
    public void RenderMessage_ElevenFields_TwoSections()
    {
        var pages = Render(new FieldsBlock([.. Enumerable.Range(1, 11).Select(i => new Field($"Field {i}", $"Value {i}"))]));

        Assert.Equal([10, 1], pages.Pages[0].Select(b => b!["fields"]!.AsArray().Count));
        SlackGoldens.AssertMessage("split-fields-11", pages);
    }

    [Fact]
    public void RenderMessage_TwentySixButtons_TwoActionBlocksWithUniqueIds()
    {
        var pages = Render(new ActionsBlock([.. Enumerable.Range(1, 26).Select(i => new ActionButton($"Task {i}", $"task show {i}"))]));

        Assert.Equal([25, 1], pages.Pages[0].Select(b => b!["elements"]!.AsArray().Count));
        SlackGoldens.AssertMessage("split-actions-26", pages);
    }

    [Fact]
    public void RenderMessage_SixtyBlocks_TwoPages()
    {
        var pages = Render([.. Enumerable.Range(1, 60).Select(i => (Block)new ContextBlock($"Line {i}"))]);

        Assert.Equal([50, 10], pages.Pages.Select(p => p.Count));
        SlackGoldens.AssertMessage("split-blocks-60", pages);
    }

    [Fact]
    public void RenderMessage_EightyCharButtonLabel_TruncatedTo75()
    {
        var label = "Show every open task of project APOLLO, sorted by due date, then by priority";
        Assert.True(label.Length >= 76);
        var pages = Render(new ActionsBlock([new ActionButton(label.PadRight(80, '!'), "task list project APOLLO")]));

        var text = pages.Pages[0][0]!["elements"]![0]!["text"]!["text"]!.GetValue<string>();
        Assert.Equal(75, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
        SlackGoldens.AssertMessage("split-button-label-80", pages);
    }

    [Fact]
    public void RenderMessage_LongTable_SplitWithHeaderRepeated()
    {
        var rows = Enumerable.Range(1, 150).Select(i => (IReadOnlyList<string>)[$"T-{i}", $"任务 {i} for the moon landing", "2026-12-24"]).ToList();
        var pages = Render(new TableBlock(["Key", "Title", "Due"], rows));
        var texts = pages.Pages[0].Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();

        Assert.True(texts.Count >= 2);
        Assert.All(texts, t => Assert.StartsWith("```\nKey", t, StringComparison.Ordinal));
        Assert.Equal(150, texts.Sum(t => t.Split('\n').Count(l => l.StartsWith("T-", StringComparison.Ordinal))));
        SlackGoldens.AssertMessage("split-table-150", pages);
    }
}

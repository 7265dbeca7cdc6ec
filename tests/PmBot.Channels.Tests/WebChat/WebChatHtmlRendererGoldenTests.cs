using PmBot.Channels.WebChat;
using PmBot.Core.Domain;
using PmBot.Core.Features.Projects;
using PmBot.Core.Localization;
using PmBot.Core.Messages;

namespace PmBot.Channels.Tests.WebChat;

public class WebChatHtmlRendererGoldenTests
{
    private static string Render(params Block[] blocks) => WebChatHtmlRenderer.Render(new OutboundMessage(blocks, "fallback"));

    [Fact]
    public void Render_Heading_MatchesGolden()
    {
        Golden.AssertMatches("heading", Render(new HeadingBlock("APOLLO · Moon landing")));
    }

    [Fact]
    public void Render_TextWithMarkdown_MatchesGolden()
    {
        const string markdown = "Plain *bold* and _italic_ with `code`.\nSecond line\n- first item\n- *second* item\nAfter the list\n```\nproject create \"X\"\n  ^^^\n```\nEnd";

        Golden.AssertMatches("text", Render(new TextBlock(markdown)));
    }

    [Fact]
    public void Render_Fields_MatchesGolden()
    {
        Golden.AssertMatches("fields", Render(new FieldsBlock([new Field("Key", "APOLLO"), new Field("Status", "Planning"), new Field("PM", "Ann Lee")])));
    }

    [Fact]
    public void Render_Table_MatchesGolden()
    {
        Golden.AssertMatches("table", Render(new TableBlock(["Key", "Name", "Finish"], [["APOLLO", "Moon landing", "2026-12-24"], ["ZEUS", "Sky", "—"]])));
    }

    [Fact]
    public void Render_ImageWithTitle_MatchesGolden()
    {
        Golden.AssertMatches("image", Render(new ImageBlock("/charts/burndown.png?sig=a1&x=2", "Burn-down chart", "Sprint 4")));
    }

    [Fact]
    public void Render_Context_MatchesGolden()
    {
        Golden.AssertMatches("context", Render(new ContextBlock("Tip: `project use KEY` sets this conversation's project.")));
    }

    [Fact]
    public void Render_ActionsInEveryStyle_MatchesGolden()
    {
        Golden.AssertMatches("actions", Render(new ActionsBlock(
        [
            new ActionButton("Members", "member list project APOLLO"),
            new ActionButton("Add member", "member add project APOLLO", ButtonStyle.Primary),
            new ActionButton("Close", "project close APOLLO", ButtonStyle.Danger),
        ])));
    }

    [Fact]
    public void Render_FormWithEveryInputKind_MatchesGolden()
    {
        Golden.AssertMatches("form", Render(new FormBlock("Create a project", "project create", "Submit",
        [
            new FormInput("name", "Name", InputKind.Text, true, "Moon base", "Apollo"),
            new FormInput("goal", "Goal", InputKind.Multiline, false, "What is it for?", "Land\non the moon"),
            new FormInput("budget", "Budget", InputKind.Number),
            new FormInput("start", "Start date", InputKind.Date, false, "YYYY-MM-DD", "2026-12-01"),
            new FormInput("role", "Role", InputKind.Select, true, null, "member", [new Choice("Project manager", "pm"), new Choice("Team member", "member")]),
            new FormInput("lang", "Language", InputKind.Select, false, null, null, [new Choice("English", "en"), new Choice("中文 (简体)", "zh-CN")]),
            new FormInput("user", "Person", InputKind.Person, true),
        ])));
    }

    [Fact]
    public void Render_ProjectCard_MatchesGolden()
    {
        var pm = new Member { WorkspaceId = Guid.Empty, ExternalUserId = "ann", DisplayName = "Ann Lee" };
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

        Golden.AssertMatches("project-card", WebChatHtmlRenderer.Render(message));
    }
}

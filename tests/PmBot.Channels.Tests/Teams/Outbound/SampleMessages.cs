using PmBot.Core.Messages;

namespace PmBot.Channels.Tests.Teams.Outbound;

/// <summary>One sample of every block type, and a full project card.</summary>
internal static class SampleMessages
{
    public static readonly IReadOnlyDictionary<string, Block> Blocks = new Dictionary<string, Block>(StringComparer.Ordinal)
    {
        ["heading"] = new HeadingBlock("Project APOLLO"),
        ["text"] = new TextBlock("Status is *on track* and _green_.\nRun `project show APOLLO` for more:\n- first item\n- second *bold* item\n```\nline 1\n  line 2\n```\nDone."),
        ["fields"] = new FieldsBlock([new Field("Owner", "Ada Lovelace"), new Field("Due", "2026-12-01"), new Field("Status", "Active")]),
        ["table"] = new TableBlock(["Key", "Name", "Status"], [["APOLLO", "Moon landing", "Active"], ["GEMINI", "Two-seater", "Done"]]),
        ["image"] = new ImageBlock("https://pmbot.example.com/charts/burndown.png?sig=abc", "Burndown chart of APOLLO", "Burndown"),
        ["file"] = new FileBlock("https://pmbot.example.com/files/abc?exp=1&sig=abc", "apollo-plan.csv", "Plan of APOLLO"),
        ["context"] = new ContextBlock("Updated 5 minutes ago by Ada"),
        ["actions"] = new ActionsBlock([
            new ActionButton("Open", "project show APOLLO", ButtonStyle.Primary),
            new ActionButton("Members", "member list APOLLO"),
            new ActionButton("Archive", "project archive APOLLO", ButtonStyle.Danger)]),
        ["form"] = new FormBlock("New project", "project create", "Create", [
            new FormInput("key", "Key", InputKind.Text, Required: true, Placeholder: "APOLLO"),
            new FormInput("description", "Description", InputKind.Multiline),
            new FormInput("budget", "Budget", InputKind.Number, InitialValue: "1500"),
            new FormInput("due", "Due date", InputKind.Date, InitialValue: "2026-12-01"),
            new FormInput("status", "Status", InputKind.Select, Required: true, InitialValue: "active",
                Choices: [new Choice("Active", "active"), new Choice("On hold", "hold")]),
            new FormInput("owner", "Owner", InputKind.Person)]),
    };

    public static OutboundMessage ProjectCard() => new MessageBuilder()
        .Heading("APOLLO · Moon landing")
        .Text("The *first* crewed landing. _Phase 2_ of 3.")
        .Fields(new Field("Owner", "Ada Lovelace"), new Field("Members", "4"), new Field("Due", "2026-12-01"))
        .Table(["Task", "Assignee", "State"], [["Build rocket", "Grace", "Doing"], ["Train crew", "Alan", "Todo"]])
        .Add(Blocks["image"])
        .Context("Created by Ada on 2026-01-05")
        .Actions(new ActionButton("Members", "member list APOLLO"), new ActionButton("Edit", "project edit APOLLO", ButtonStyle.Primary))
        .Build();
}

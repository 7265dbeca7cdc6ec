using PmBot.Core.Dispatching;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Tests.Dispatching;

public class RepliesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly CommandParser Parser = CommandTable.CreateDefault().Parser;

    private static IReadOnlyList<Block> Reply(Localizer t, string text)
    {
        var result = Parser.Parse(text, Today);
        Assert.NotNull(result.Error);
        var reply = Replies.ParseError(t, text, result);
        return Assert.Single(reply.Messages).Blocks;
    }

    private static string CaretBlock(string line, int column, int width) =>
        $"```\n{line}\n{new string(' ', column)}{new string('^', width)}\n```";

    [Fact]
    public void ParseError_BadDate_ExplainsUnderlinesAndShowsUsage()
    {
        const string text = "project create Apollo start someday";

        var blocks = Reply(Localizer.English, text);

        Assert.Equal(
            [
                new TextBlock("⚠️ \"someday\" is not a date I understand. Use YYYY-MM-DD, today, tomorrow, a weekday (friday) or +3d / +2w."),
                new TextBlock(CaretBlock(text, 28, 7)),
                new TextBlock("Usage: `project create \"<name>\" [key KEY] [start DATE] [finish DATE]`"),
            ],
            blocks);
    }

    [Fact]
    public void ParseError_Fallback_IsTheMessage()
    {
        var result = Parser.Parse("me lang fr", Today);

        var message = Assert.Single(Replies.ParseError(Localizer.English, "me lang fr", result).Messages);

        Assert.Equal("\"fr\" is not one of: en, zh-CN.", message.FallbackText);
    }

    [Fact]
    public void ParseError_ChineseTextBeforeTheToken_CountsCjkAsTwoColumns()
    {
        const string text = "project create 阿波罗 start 某天";

        var blocks = Reply(Localizer.Chinese, text);

        // "project create " is 15 columns, 阿波罗 6, " start " 7; 某天 is 4 columns wide.
        Assert.Equal(new TextBlock(CaretBlock(text, 28, 4)), blocks[1]);
        Assert.Equal(new TextBlock("⚠️ 无法识别日期“某天”。请使用 YYYY-MM-DD、today、tomorrow、星期几（如 friday 或 周五）或 +3d / +2w。"), blocks[0]);
        Assert.Equal(new TextBlock("用法：`project create \"<name>\" [key KEY] [start DATE] [finish DATE]`"), blocks[2]);
    }

    [Fact]
    public void ParseError_QuotedBadToken_UnderlinesTheQuotesToo()
    {
        const string text = "project use \"A B\"";

        var blocks = Reply(Localizer.English, text);

        Assert.Equal(new TextBlock(CaretBlock(text, 12, 5)), blocks[1]);
    }

    [Fact]
    public void ParseError_QuotedChineseBadToken_UnderlinesItsFullWidth()
    {
        const string text = "project use 「阿 波」";

        var blocks = Reply(Localizer.Chinese, text);

        // 「 阿 波 」 are two columns each, the space one.
        Assert.Equal(new TextBlock(CaretBlock(text, 12, 9)), blocks[1]);
    }

    [Fact]
    public void ParseError_MissingArgument_OffersAFormPrefilledWithTheGivenValues()
    {
        const string text = "project create key AP start 2026-12-01";

        var blocks = Reply(Localizer.English, text);

        Assert.Equal(3, blocks.Count);
        Assert.Equal(new TextBlock("⚠️ The name is missing."), blocks[0]);
        Assert.Equal(new TextBlock("Usage: `project create \"<name>\" [key KEY] [start DATE] [finish DATE]`"), blocks[1]);
        var form = Assert.IsType<FormBlock>(blocks[2]);
        Assert.Equal("Create a project", form.Title);
        Assert.Equal("project create", form.Command);
        Assert.Equal("Submit", form.SubmitLabel);
        Assert.Equal(
            [
                new FormInput("name", "Name", InputKind.Text, true, null, null, null),
                new FormInput("key", "Key", InputKind.Text, false, null, "AP", null),
                new FormInput("start", "Start date", InputKind.Date, false, "YYYY-MM-DD", "2026-12-01", null),
                new FormInput("finish", "Finish date", InputKind.Date, false, "YYYY-MM-DD", null, null),
            ],
            form.Inputs);
    }

    [Fact]
    public void ParseError_MissingRole_OffersSelectWithLocalizedChoicesAndTheGivenPerson()
    {
        var blocks = Reply(Localizer.Chinese, "member add <@U1|bob>");

        Assert.Equal(new TextBlock("⚠️ 缺少角色。"), blocks[0]);
        var form = Assert.IsType<FormBlock>(blocks[^1]);
        Assert.Equal("添加成员", form.Title);
        var user = form.Inputs[0];
        Assert.Equal(("user", "成员", InputKind.Person, true, "<@U1>"), (user.Name, user.Label, user.Kind, user.Required, user.InitialValue));
        var role = form.Inputs[1];
        Assert.Equal(InputKind.Select, role.Kind);
        Assert.Null(role.InitialValue);
        Assert.Equal([new Choice("项目经理", "pm"), new Choice("团队成员", "member"), new Choice("干系人", "stakeholder")], role.Choices!);
    }

    [Fact]
    public void ParseError_UnknownCommand_SuggestsWithButtons()
    {
        const string text = "projct list";

        var blocks = Reply(Localizer.English, text);

        Assert.Equal(4, blocks.Count);
        Assert.Equal(new TextBlock("⚠️ I don't know the command \"projct\"."), blocks[0]);
        Assert.Equal(new TextBlock(CaretBlock(text, 0, 6)), blocks[1]);
        Assert.Equal(new TextBlock("Did you mean `project list`? Type `help` to see every command."), blocks[2]);
        var actions = Assert.IsType<ActionsBlock>(blocks[3]);
        Assert.Equal([new ActionButton("Help: project list", "help project list"), new ActionButton("All commands", "help")], actions.Buttons);
    }

    [Fact]
    public void ParseError_NoSuggestion_OffersAllCommands()
    {
        var blocks = Reply(Localizer.English, "xylophone");

        var actions = Assert.IsType<ActionsBlock>(blocks[^1]);
        Assert.Equal([new ActionButton("All commands", "help")], actions.Buttons);
        Assert.DoesNotContain(blocks, b => b is TextBlock { Markdown: var m } && m.StartsWith("Did you mean", StringComparison.Ordinal));
    }

    [Fact]
    public void ParseError_EmptyText_HasNoCaretLine()
    {
        var result = Parser.Parse("", Today);

        var blocks = Assert.Single(Replies.ParseError(Localizer.English, "", result).Messages).Blocks;

        Assert.Equal(new TextBlock("⚠️ There is no command."), blocks[0]);
        Assert.DoesNotContain(blocks, b => b is TextBlock { Markdown: var m } && m.StartsWith("```", StringComparison.Ordinal));
    }

    [Fact]
    public void FormReply_Command_IsAFormWithTitleFallback()
    {
        var spec = Parser.Find("me lang")!;

        var message = Assert.Single(Replies.FormReply(Localizer.English, spec).Messages);

        Assert.Equal("My language", message.FallbackText);
        var form = Assert.IsType<FormBlock>(Assert.Single(message.Blocks));
        Assert.Equal([new Choice("English", "en"), new Choice("中文 (简体)", "zh-CN")], form.Inputs[0].Choices!);
    }
}

using PmBot.Core.Dispatching;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Tests.Parsing;

/// <summary><see cref="ParamKind.Rest"/>: a command that keeps the rest of its message as typed (plan import and its CSV).</summary>
public class RestParameterTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly CommandParser Parser = CommandTable.CreateDefault().Parser;

    private static BotCommand Ok(string text)
    {
        var result = Parser.Parse(text, Today);
        Assert.True(result.Error is null, $"'{text}' failed with {result.Error?.MessageKey} at {result.Error?.At}");
        return result.Command!;
    }

    [Fact]
    public void Parse_LinesAfterTheCommand_AreTheTextAsTyped()
    {
        var command = Ok("plan import\nid,name\n1,\"Design, \"\"big\"\"\n2,don't 'quote");

        Assert.Equal("plan import", command.Name);
        Assert.Equal("id,name\n1,\"Design, \"\"big\"\"\n2,don't 'quote", command.Text("csv"));
        Assert.False(command.Has("dryrun"));
    }

    [Fact]
    public void Parse_OptionsOnTheFirstLine_AreReadInAnyOrder()
    {
        var first = Ok("plan import dry-run project apollo\nid,name");
        var second = Ok("plan import project APOLLO dry-run\nid,name");

        Assert.Equal(("dry-run", "APOLLO", "id,name"), (first.Text("dryrun"), first.Text("project"), first.Text("csv")));
        Assert.Equal(("dry-run", "APOLLO", "id,name"), (second.Text("dryrun"), second.Text("project"), second.Text("csv")));
    }

    [Fact]
    public void Parse_TextStartingOnTheFirstLine_RunsFromItsFirstWordToTheEnd()
    {
        Assert.Equal("```csv\nid,name\n```", Ok("plan import dry-run ```csv\nid,name\n```").Text("csv"));
        Assert.Equal("id,name;1,\"a b\"", Ok("plan import id,name;1,\"a b\"").Text("csv"));
    }

    [Theory]
    [InlineData("plan import")]
    [InlineData("plan import dry-run")]
    [InlineData("plan import dry-run\n  \n")]
    public void Parse_NoText_IsMissingSoTheFormOpens(string text)
    {
        var result = Parser.Parse(text, Today);

        Assert.Equal("parse.missing", result.Error?.MessageKey);
        Assert.Equal("csv", result.Error?.Parameter);
    }

    [Fact]
    public void Parse_OtherCommands_StillReadQuotedLineBreaks()
    {
        Assert.Equal("Design\nreview", Ok("task add \"Design\nreview\" days 2").Text("name"));
    }

    [Fact]
    public void Bind_Form_TakesTheMultilineText()
    {
        var spec = Parser.Find("plan import")!;

        var (command, errors) = Parser.Bind(spec, new Dictionary<string, string> { ["csv"] = "id,name\n1,a", ["dryrun"] = "dry-run" }, Today);

        Assert.Empty(errors);
        Assert.Equal(("id,name\n1,a", "dry-run"), (command!.Text("csv"), command.Text("dryrun")));
        Assert.Equal(InputKind.Multiline, Replies.Form(Localizer.English, spec).Inputs.Single(i => i.Name == "csv").Kind);
    }

    [Fact]
    public void Usage_RestParameter_IsShownLast()
    {
        Assert.Equal("plan import [project KEY] [dry-run] <csv…>", Parser.Find("plan import")!.Usage);
    }
}

using PmBot.Core.Dispatching;
using PmBot.Core.Parsing;

namespace PmBot.Core.Tests.Parsing;

public class CommandParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 23); // a Monday
    private static readonly CommandParser Parser = CommandTable.CreateDefault().Parser;

    private static BotCommand Ok(string text)
    {
        var result = Parser.Parse(text, Today);
        Assert.True(result.Error is null, $"'{text}' failed with {result.Error?.MessageKey} at {result.Error?.At}");
        Assert.NotNull(result.Command);
        Assert.Same(result.Command.Spec, result.Spec);
        return result.Command;
    }

    private static ParseError Fails(string text, string key)
    {
        var result = Parser.Parse(text, Today);
        Assert.Null(result.Command);
        Assert.NotNull(result.Error);
        Assert.Equal(key, result.Error.MessageKey);
        return result.Error;
    }

    /// <summary>Asserts the error points at exactly <paramref name="tokenText"/> as it appears in <paramref name="text"/>.</summary>
    private static void PointsAt(string text, ParseError error, string tokenText)
    {
        Assert.NotNull(error.At);
        Assert.Equal(text.IndexOf(tokenText, StringComparison.Ordinal), error.At.Start);
        Assert.Equal(tokenText.Length, error.At.Length);
    }

    public static TheoryData<string, string> ValidExamples => new()
    {
        { "help", "help" },
        { "help project create", "help" },
        { "project create \"Apollo\" key APOLLO start today finish +12w", "project create" },
        { "project list", "project list" },
        { "project show APOLLO", "project show" },
        { "project use APOLLO", "project use" },
        { "member add @bob member", "member add" },
        { "member list project APOLLO", "member list" },
        { "me", "me" },
        { "me tz Asia/Shanghai", "me tz" },
        { "me lang zh-CN", "me lang" },
        { "task add \"Design review\" parent APOLLO-1 days 3 owner @bob", "task add" },
        { "task link APOLLO-2 3 ss lag -1", "task link" },
        { "task list project APOLLO", "task list" },
        { "plan schedule", "plan schedule" },
        { "task start APOLLO-1", "task start" },
        { "task done 1", "task done" },
        { "task progress APOLLO-1 60%", "task progress" },
        { "my tasks", "my tasks" },
        { "plan baseline project APOLLO", "plan baseline" },
        { "task set APOLLO-3 effort 24h cost 1,200 deliverable yes desc \"Login\" criteria \"Works\"", "task set" },
        { "task show 3", "task show" },
        { "task remaining APOLLO-3 16h date 2026-11-20", "task remaining" },
        { "log 3h APOLLO-3 \"API review\" date yesterday", "log" },
        { "log list @bob", "log list" },
        { "cost add 1200 \"licences\" APOLLO-3 software date 2026-11-20", "cost add" },
        { "cost list", "cost list" },
        { "member rate @bob 85.50", "member rate" },
        { "budget set labour 20000 alert 80%", "budget set" },
        { "budget show at 2026-11-20", "budget show" },
        { "budget currency EUR", "budget currency" },
        { "plan status at 2026-11-20 project APOLLO", "plan status" },
        { "member capacity @bob 32h", "member capacity" },
        { "task assign APOLLO-12 @bob 50%", "task assign" },
        { "task unassign 12 @bob", "task unassign" },
        { "plan workload weeks 8", "plan workload" },
        { "resource add \"Crane\" qty 2 unit-cost 500 need 2027-02-01 supplier \"ACME\" for APOLLO-12", "resource add" },
        { "resource status R3 ordered eta 2027-01-28", "resource status" },
        { "resource list project APOLLO", "resource list" },
        { "milestone add \"Beta\" 2027-02-15 after APOLLO-4", "milestone add" },
        { "plan milestones", "plan milestones" },
        { "task constrain APOLLO-3 snet 2027-01-10", "task constrain" },
        { "plan import dry-run\nid,name\n1,Design", "plan import" },
        { "plan export project APOLLO", "plan export" },
        { "plan export progress", "plan export progress" },
        { "calendar show", "calendar show" },
        { "calendar holiday add 2027-01-01 \"New Year\"", "calendar holiday add" },
        { "calendar holiday remove 2027-01-01", "calendar holiday remove" },
        { "calendar workdays mon-fri", "calendar workdays" },
        { "me away 2026-12-24 2027-01-02 \"Holidays\"", "me away" },
        { "me back", "me back" },
        { "checkin template list", "checkin template list" },
        { "checkin template show standup", "checkin template show" },
        { "checkin template create daily from standup", "checkin template create" },
        { "checkin template add-question daily choice \"Mood?\" choices \"great|ok\" required yes", "checkin template add-question" },
        { "checkin template remove-question daily 2", "checkin template remove-question" },
        { "checkin schedule add standup at 09:30 days mon-fri window 4h reminder 80% members @bob @wei summary digest-only", "checkin schedule add" },
        { "checkin schedule list project APOLLO", "checkin schedule list" },
        { "checkin schedule pause 1", "checkin schedule pause" },
        { "checkin schedule resume 1", "checkin schedule resume" },
        { "checkin schedule remove 1", "checkin schedule remove" },
        { "checkin now standup", "checkin now" },
        { "checkin answer s1-20270104", "checkin answer" },
        { "checkin edit", "checkin edit" },
        { "blocker add \"Waiting for the API key\" APOLLO-3", "blocker add" },
        { "blocker list all", "blocker list" },
        { "blocker resolve 2 project APOLLO", "blocker resolve" },
        { "status APOLLO", "status" },
        { "digest now project APOLLO", "digest now" },
        { "digest time 07:30", "digest time" },
        { "digest on", "digest on" },
        { "digest off project APOLLO", "digest off" },
        { "nudge @bob", "nudge" },
        { "checkin report from 2026-11-02 to 2026-11-29 @bob project APOLLO", "checkin report" },
        { "plan gantt project APOLLO", "plan gantt" },
        { "plan burn", "plan burn" },
        { "plan evm at 2027-01-08 project APOLLO", "plan evm" },
    };

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Parse_ValidExample_ParsesToItsCommand(string text, string command)
    {
        Assert.Equal(command, Ok(text).Name);
    }

    [Fact]
    public void Parse_ValidExamples_CoverEveryCommandOfTheTable()
    {
        var covered = ValidExamples.Select(row => (string)row[1]).ToHashSet();

        Assert.Equal(Parser.Specs.Select(s => s.Name).Order(), covered.Order());
    }

    [Fact]
    public void Parse_MentionList_TakesEveryFollowingMentionUntilTheNextKeyword()
    {
        var command = Ok("checkin schedule add standup at 09:30 members @bob <@U1|wei> days mon,wed");

        Assert.Equal([new MentionRef(null, "bob"), new MentionRef("U1", "wei")], command.Mentions("members"));
        Assert.Equal("mon,wed", command.Text("weekdays"));
        Assert.Equal("09:30", command.Text("time"));
    }

    [Fact]
    public void Bind_MentionListFromAForm_SplitsOnCommasAndSpaces()
    {
        var spec = Parser.Find("checkin schedule add")!;

        var (command, errors) = Parser.Bind(spec, new Dictionary<string, string> { ["template"] = "standup", ["time"] = "9:30", ["members"] = "@bob, @wei" }, new DateOnly(2026, 11, 23));

        Assert.Empty(errors);
        Assert.Equal(["bob", "wei"], command!.Mentions("members").Select(m => m.Name));
    }

    [Fact]
    public void Parse_TaskLink_BindsItemsTypeAndLead()
    {
        var command = Ok("task link APOLLO-2 3 ss lag -1");

        Assert.Equal(new ItemRef("APOLLO", 2), command.Item("from"));
        Assert.Equal(new ItemRef(null, 3), command.Item("to"));
        Assert.Equal("ss", command.Text("type"));
        Assert.Equal(-1, command.Integer("lag"));
    }

    [Theory]
    [InlineData("task link APOLLO- 3", "APOLLO-", "parse.bad_item")]
    [InlineData("task link 0 3", "0", "parse.bad_item")]
    [InlineData("task link 1x-2 3", "1x-2", "parse.bad_item")]
    [InlineData("task add \"X\" days three", "three", "parse.bad_number")]
    public void Parse_BadTaskArguments_PointAtTheToken(string text, string bad, string key)
    {
        var result = Parser.Parse(text, new DateOnly(2026, 11, 23));

        Assert.Equal(key, result.Error!.MessageKey);
        Assert.Equal(bad, result.Error.At!.Value);
    }

    [Fact]
    public void Parse_ResourceAdd_BindsNumbersDateSupplierAndItem()
    {
        var command = Ok("resource add \"Concrete\" qty 12.5 unit-cost 89.90 need 2027-02-01 supplier \"ACME Ltd\" for APOLLO-12");

        Assert.Equal((12.5m, 89.90m), (command.Number("qty"), command.Number("unit_cost")));
        Assert.Equal(new DateOnly(2027, 2, 1), command.Date("need"));
        Assert.Equal("ACME Ltd", command.Text("supplier"));
        Assert.Equal(new ItemRef("APOLLO", 12), command.Item("item"));
    }

    [Theory]
    [InlineData("resource add Crane qty -2", "-2")]
    [InlineData("resource add Crane qty two", "two")]
    [InlineData("resource add Crane unit-cost 1,500", "1,500")]
    [InlineData("resource add Crane unit-cost 2000000000", "2000000000")]
    public void Parse_BadNumber_PointsAtIt(string text, string bad)
    {
        PointsAt(text, Fails(text, "parse.bad_amount"), bad);
    }

    [Fact]
    public void Parse_TaskAssignOverAHundredPercent_IsABadPercentage()
    {
        const string text = "task assign APOLLO-1 @bob 150%";

        PointsAt(text, Fails(text, "parse.bad_percent"), "150%");
    }

    [Fact]
    public void Parse_ProjectCreate_BindsEveryTypedValue()
    {
        var command = Ok("project create \"Apollo Moon\" key apollo start today finish +2w");

        Assert.Equal("Apollo Moon", command.Text("name"));
        Assert.Equal("APOLLO", command.Text("key"));
        Assert.Equal(new DateOnly(2026, 11, 23), command.Date("start"));
        Assert.Equal(new DateOnly(2026, 12, 7), command.Date("finish"));
    }

    [Theory]
    [InlineData("project create Apollo finish friday key AP start 2026-11-24")]
    [InlineData("project create Apollo START 2026-11-24 FINISH friday KEY AP")]
    [InlineData("project create Apollo key AP finish friday start 2026-11-24")]
    public void Parse_KeywordOptionsInAnyOrder_BindTheSameValues(string text)
    {
        var command = Ok(text);

        Assert.Equal("Apollo", command.Text("name"));
        Assert.Equal("AP", command.Text("key"));
        Assert.Equal(new DateOnly(2026, 11, 24), command.Date("start"));
        Assert.Equal(new DateOnly(2026, 11, 27), command.Date("finish"));
    }

    [Fact]
    public void Parse_QuotedKeyword_IsAValueNotAnOption()
    {
        var command = Ok("project create \"key\"");

        Assert.Equal("key", command.Text("name"));
        Assert.False(command.Has("key"));
    }

    [Fact]
    public void Parse_DuplicateOption_FailsAtTheSecondKeyword()
    {
        const string text = "project create Apollo key AP start today KEY BE";
        var error = Fails(text, "parse.duplicate_option");

        PointsAt(text, error, "KEY");
        Assert.Equal("key", error.Parameter);
        Assert.Equal(["KEY"], error.Args);
    }

    [Fact]
    public void Parse_OptionWithoutValue_FailsAtTheKeyword()
    {
        const string text = "project create Apollo start";
        var error = Fails(text, "parse.option_needs_value");

        PointsAt(text, error, "start");
        Assert.Equal("start", error.Parameter);
    }

    [Fact]
    public void Parse_UnexpectedExtraToken_FailsPointingAtIt()
    {
        const string text = "project create Moon base";
        var error = Fails(text, "parse.unexpected");

        PointsAt(text, error, "base");
        Assert.Equal(["base"], error.Args);
        Assert.Equal("project create", Parser.Parse(text, Today).Spec!.Name);
    }

    [Fact]
    public void Parse_ExtraTokenAfterCommandWithoutParameters_IsUnexpected()
    {
        const string text = "project list everything";
        var error = Fails(text, "parse.unexpected");

        PointsAt(text, error, "everything");
    }

    [Fact]
    public void Parse_MissingRequired_KeepsWhatWasGivenAsPartial()
    {
        var result = Parser.Parse("project create key AP start 2026-12-01", Today);

        Assert.Null(result.Command);
        Assert.Equal("parse.missing", result.Error!.MessageKey);
        Assert.Null(result.Error.At);
        Assert.Equal("name", result.Error.Parameter);
        Assert.Equal([new ParamName("name")], result.Error.Args);
        Assert.Equal("project create", result.Spec!.Name);
        Assert.NotNull(result.Partial);
        Assert.Equal(2, result.Partial.Count);
        Assert.Equal("AP", result.Partial["key"]);
        Assert.Equal(new DateOnly(2026, 12, 1), result.Partial["start"]);
    }

    [Fact]
    public void Parse_MissingSecondPositional_NamesThatParameter()
    {
        var result = Parser.Parse("member add @bob", Today);

        Assert.Equal("parse.missing", result.Error!.MessageKey);
        Assert.Equal("role", result.Error.Parameter);
        Assert.Equal(new MentionRef(null, "bob"), result.Partial!["user"]);
    }

    [Theory]
    [InlineData("project create Apollo start someday", "someday", "start", "parse.bad_date")]
    [InlineData("project create Apollo start today finish 2026-02-30", "2026-02-30", "finish", "parse.bad_date")]
    [InlineData("project create Apollo key 1AP", "1AP", "key", "parse.bad_key")]
    [InlineData("project create Apollo key ABCDEFGHIJK", "ABCDEFGHIJK", "key", "parse.bad_key")]
    [InlineData("project use A-B", "A-B", "project", "parse.bad_key")]
    [InlineData("member add bob member", "bob", "user", "parse.bad_mention")]
    [InlineData("member add @bob admin", "admin", "role", "parse.bad_choice")]
    [InlineData("member add @bob member project x", "x", "project", "parse.bad_key")]
    [InlineData("me lang fr", "fr", "lang", "parse.bad_choice")]
    [InlineData("me tz Mars/Olympus", "Mars/Olympus", "zone", "parse.bad_timezone")]
    public void Parse_BadValue_PointsAtTheTokenAndNamesTheParameter(string text, string token, string parameter, string key)
    {
        var error = Fails(text, key);

        PointsAt(text, error, token);
        Assert.Equal(parameter, error.Parameter);
        Assert.Equal(token, error.Args[0]);
    }

    [Fact]
    public void Parse_BadChoice_ListsTheChoices()
    {
        var error = Fails("member add @bob admin", "parse.bad_choice");

        Assert.Equal("pm, member, stakeholder", error.Args[1]);
    }

    [Fact]
    public void Parse_BadTimeZone_ListsExamples()
    {
        var error = Fails("me tz Nowhere", "parse.bad_timezone");

        Assert.Equal("Asia/Shanghai, Europe/Berlin, America/New_York, UTC", error.Args[1]);
    }

    [Fact]
    public void Parse_QuotedBadKey_PointsAtTheWholeQuotedToken()
    {
        const string text = "project use \"A B\"";
        var error = Fails(text, "parse.bad_key");

        Assert.Equal(12, error.At!.Start);
        Assert.Equal(5, error.At.Length);
    }

    [Fact]
    public void Parse_ChoiceInOtherCase_GivesCanonicalChoice()
    {
        Assert.Equal("zh-CN", Ok("me lang ZH-cn").Text("lang"));
        Assert.Equal("stakeholder", Ok("member add @bob Stakeholder").Text("role"));
    }

    [Fact]
    public void Parse_TimeZoneInOtherCase_GivesCanonicalZone()
    {
        Assert.Equal("Asia/Shanghai", Ok("me tz asia/shanghai").Text("zone"));
    }

    [Theory]
    [InlineData("projct list", "project list")]
    [InlineData("project craete", "project create")]
    [InlineData("project lst", "project list")]
    [InlineData("hepl", "help")]
    [InlineData("membr add", "member add")]
    [InlineData("member ad", "member add")]
    public void Parse_UnknownCommand_SuggestsTheClosest(string text, string suggestion)
    {
        var result = Parser.Parse(text, Today);

        Assert.Equal("parse.unknown_command", result.Error!.MessageKey);
        Assert.Equal(suggestion, result.Suggestion);
        Assert.Null(result.Spec);
    }

    [Fact]
    public void Parse_TypoInSubCommandOfShorterCommand_MatchesTheShorterCommand()
    {
        // "me" is a command by itself, so "me tzz" is "me" with an unexpected argument.
        const string text = "me tzz Asia/Shanghai";
        var error = Fails(text, "parse.unexpected");

        PointsAt(text, error, "tzz");
    }

    [Fact]
    public void Parse_UnknownSubCommand_PointsAtTheSubCommand()
    {
        const string text = "project craete Apollo";
        var error = Fails(text, "parse.unknown_command");

        PointsAt(text, error, "craete");
        Assert.Equal(["craete"], error.Args);
    }

    [Fact]
    public void Parse_UnknownTopCommand_PointsAtTheFirstWord()
    {
        const string text = "projct list";
        var error = Fails(text, "parse.unknown_command");

        PointsAt(text, error, "projct");
    }

    [Theory]
    [InlineData("deploy everything")]
    [InlineData("xylophone")]
    [InlineData("launch the rockets")]
    public void Parse_FarFromEveryCommand_HasNoSuggestion(string text)
    {
        var result = Parser.Parse(text, Today);

        Assert.Equal("parse.unknown_command", result.Error!.MessageKey);
        Assert.Null(result.Suggestion);
    }

    [Fact]
    public void Parse_EmptyLine_IsEmptyError()
    {
        var error = Fails("   ", "parse.empty");

        Assert.Null(error.At);
    }

    [Fact]
    public void Parse_UnterminatedQuote_IsTokenizerError()
    {
        var error = Fails("project create \"Apollo", "parse.unterminated_quote");

        Assert.Equal(15, error.At!.Start);
    }

    [Fact]
    public void Parse_HelpWithCommandName_BindsTheWholeName()
    {
        const string text = "help  project   create";
        var result = Parser.Parse(text, Today);

        Assert.Equal("help", result.Command!.Name);
        Assert.Equal("project create", result.Command.Text("command"));
    }

    [Fact]
    public void Parse_HelpAlone_HasNoCommandArgument()
    {
        Assert.False(Ok("help").Has("command"));
    }

    [Theory]
    [InlineData("member add <@U123> pm", "U123", null)]
    [InlineData("member add <@U123|bob> pm", "U123", "bob")]
    [InlineData("member add @bob pm", null, "bob")]
    [InlineData("member add <@29:abc> pm", "29:abc", null)]
    public void Parse_Mention_GivesUserIdAndName(string text, string? userId, string? name)
    {
        var command = Ok(text);

        Assert.Equal(new MentionRef(userId, name), command.Mention("user"));
        Assert.Equal("pm", command.Text("role"));
    }

    [Theory]
    [InlineData("@")]
    [InlineData("<@>")]
    [InlineData("<@|bob>")]
    [InlineData("bob")]
    [InlineData("<U123>")]
    public void MentionRefTryParse_NotAMention_ReturnsFalse(string token)
    {
        Assert.False(MentionRef.TryParse(token, out _));
    }

    [Fact]
    public void Bind_ValidForm_BuildsTheCommand()
    {
        var spec = Parser.Find("project create")!;
        var form = new Dictionary<string, string> { ["name"] = "  Apollo  ", ["key"] = "apollo", ["start"] = "tomorrow", ["finish"] = "" };

        var (command, errors) = Parser.Bind(spec, form, Today);

        Assert.Empty(errors);
        Assert.NotNull(command);
        Assert.Equal("Apollo", command.Text("name"));
        Assert.Equal("APOLLO", command.Text("key"));
        Assert.Equal(new DateOnly(2026, 11, 24), command.Date("start"));
        Assert.False(command.Has("finish"));
    }

    [Fact]
    public void Bind_MissingRequiredAndBadDate_ReportsEachKeyedByParameter()
    {
        var spec = Parser.Find("project create")!;
        var form = new Dictionary<string, string> { ["name"] = "   ", ["start"] = "2026-13-01", ["key"] = "OK" };

        var (command, errors) = Parser.Bind(spec, form, Today);

        Assert.Null(command);
        var byParameter = errors.ToDictionary(e => e.Parameter!, e => e.MessageKey);
        Assert.Equal(new Dictionary<string, string> { ["name"] = "parse.missing", ["start"] = "parse.bad_date" }, byParameter);
    }

    [Fact]
    public void Bind_MemberAddForm_ParsesMentionAndChoice()
    {
        var spec = Parser.Find("MEMBER ADD")!;
        var form = new Dictionary<string, string> { ["user"] = "<@U9|ann>", ["role"] = "PM" };

        var (command, errors) = Parser.Bind(spec, form, Today);

        Assert.Empty(errors);
        Assert.Equal(new MentionRef("U9", "ann"), command!.Mention("user"));
        Assert.Equal("pm", command.Text("role"));
    }

    [Fact]
    public void Find_UnknownName_ReturnsNull()
    {
        Assert.Null(Parser.Find("project delete"));
    }
}

using PmBot.Core.Dispatching;
using PmBot.Core.Parsing;

namespace PmBot.Core.Tests.Parsing;

public class QuantitiesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly CommandParser Parser = CommandTable.CreateDefault().Parser;

    [Theory]
    [InlineData("3h", 3)]
    [InlineData("3H", 3)]
    [InlineData("2.5h", 2.5)]
    [InlineData("30m", 0.5)]
    [InlineData("45min", 0.75)]
    [InlineData("20m", 0.33)]
    [InlineData("1h30m", 1.5)]
    [InlineData("1d", 8)]
    [InlineData("1.5d", 12)]
    [InlineData("2days", 16)]
    [InlineData("1d4h", 12)]
    [InlineData("16", 16)]
    [InlineData("0", 0)]
    [InlineData("0.25", 0.25)]
    [InlineData("3hours", 3)]
    [InlineData("2hrs", 2)]
    [InlineData("3小时", 3)]
    [InlineData("30分钟", 0.5)]
    [InlineData("2天", 16)]
    public void HoursTryParse_Valid_GivesHours(string text, double hours)
    {
        Assert.Equal(QuantityError.None, HoursText.TryParse(text, out var value));
        Assert.Equal((decimal)hours, value);
    }

    [Theory]
    [InlineData("3x", QuantityError.NotUnderstood)]
    [InlineData("h", QuantityError.NotUnderstood)]
    [InlineData("", QuantityError.NotUnderstood)]
    [InlineData("3.h", QuantityError.NotUnderstood)]
    [InlineData(".5h", QuantityError.NotUnderstood)]
    [InlineData("3h-", QuantityError.NotUnderstood)]
    [InlineData("3,5h", QuantityError.NotUnderstood)]
    [InlineData("tomorrow", QuantityError.NotUnderstood)]
    [InlineData("-3h", QuantityError.Negative)]
    [InlineData("-2", QuantityError.Negative)]
    [InlineData("-x", QuantityError.NotUnderstood)]
    [InlineData("100001h", QuantityError.TooLarge)]
    [InlineData("99999999999999999999999999d", QuantityError.TooLarge)]
    public void HoursTryParse_Invalid_SaysWhy(string text, QuantityError error)
    {
        Assert.Equal(error, HoursText.TryParse(text, out var value));
        Assert.Equal(0, value);
    }

    [Theory]
    [InlineData("1200", 1200)]
    [InlineData("1200.5", 1200.5)]
    [InlineData("1200.50", 1200.5)]
    [InlineData("1,200", 1200)]
    [InlineData("1,200.50", 1200.5)]
    [InlineData("12,345,678", 12345678)]
    [InlineData("0", 0)]
    [InlineData("0.99", 0.99)]
    public void MoneyTryParse_Valid_GivesAmount(string text, double amount)
    {
        Assert.Equal(QuantityError.None, MoneyText.TryParse(text, out var value));
        Assert.Equal((decimal)amount, value);
    }

    [Theory]
    [InlineData("12x", QuantityError.NotUnderstood)]
    [InlineData("$1200", QuantityError.NotUnderstood)]
    [InlineData("1200.505", QuantityError.NotUnderstood)]
    [InlineData("1200.", QuantityError.NotUnderstood)]
    [InlineData(".5", QuantityError.NotUnderstood)]
    [InlineData("1,20", QuantityError.NotUnderstood)]
    [InlineData("1200,000", QuantityError.NotUnderstood)]
    [InlineData(",200", QuantityError.NotUnderstood)]
    [InlineData("1e3", QuantityError.NotUnderstood)]
    [InlineData("-50", QuantityError.Negative)]
    [InlineData("-1,200.50", QuantityError.Negative)]
    [InlineData("2000000000000", QuantityError.TooLarge)]
    public void MoneyTryParse_Invalid_SaysWhy(string text, QuantityError error)
    {
        Assert.Equal(error, MoneyText.TryParse(text, out _));
    }

    [Fact]
    public void Parse_Log_BindsHoursItemNoteAndDate()
    {
        var command = Parser.Parse("log 1h30m APOLLO-12 \"API review\" date 2026-11-20", Today).Command!;

        Assert.Equal(1.5m, command.Decimal("hours"));
        Assert.Equal(new ItemRef("APOLLO", 12), command.Item("item"));
        Assert.Equal("API review", command.Text("note"));
        Assert.Equal(new DateOnly(2026, 11, 20), command.Date("date"));
    }

    [Theory]
    [InlineData("log 3x APOLLO-1", "3x", "parse.bad_hours")]
    [InlineData("log -3h APOLLO-1", "-3h", "parse.negative_hours")]
    [InlineData("task remaining 1 lots", "lots", "parse.bad_hours")]
    [InlineData("task add \"X\" effort 2weeks", "2weeks", "parse.bad_hours")]
    [InlineData("cost add -50 \"refund\"", "-50", "parse.negative_amount")]
    [InlineData("cost add 12x \"taxi\"", "12x", "parse.bad_money")]
    [InlineData("member rate @bob $85", "$85", "parse.bad_money")]
    [InlineData("task set 3 cost -1", "-1", "parse.negative_amount")]
    [InlineData("budget set labour 1,00", "1,00", "parse.bad_money")]
    public void Parse_BadQuantity_PointsAtTheToken(string text, string token, string key)
    {
        var result = Parser.Parse(text, Today);

        Assert.Null(result.Command);
        Assert.Equal(key, result.Error!.MessageKey);
        Assert.Equal(token, result.Error.At!.Value);
        Assert.Equal(token, result.Error.Args[0]);
    }

    [Fact]
    public void Parse_CostAddWithoutTask_TakesTheWordAsTheCategory()
    {
        var command = Parser.Parse("cost add 90 \"taxi\" travel", Today).Command!;

        Assert.Equal(90m, command.Decimal("amount"));
        Assert.Equal("taxi", command.Text("description"));
        Assert.False(command.Has("item"));
        Assert.Equal("travel", command.Text("category"));
    }

    [Fact]
    public void Parse_CostAddWithTaskAndCategory_BindsBoth()
    {
        var command = Parser.Parse("cost add 1,200.50 licences 3 software", Today).Command!;

        Assert.Equal(1200.5m, command.Decimal("amount"));
        Assert.Equal(new ItemRef(null, 3), command.Item("item"));
        Assert.Equal("software", command.Text("category"));
    }

    [Fact]
    public void Parse_RequiredPositionalThatFails_IsNotSkipped()
    {
        // "log" needs its hours first: a task id there is an error, not a skipped parameter.
        var result = Parser.Parse("log APOLLO-1 3h", Today);

        Assert.Equal("parse.bad_hours", result.Error!.MessageKey);
        Assert.Equal("hours", result.Error.Parameter);
    }

    [Fact]
    public void Parse_TaskAddWithEffortAndCost_BindsDecimals()
    {
        var command = Parser.Parse("task add \"Build\" effort 2d cost 1,500 owner @bob", Today).Command!;

        Assert.Equal(16m, command.Decimal("effort"));
        Assert.Equal(1500m, command.Decimal("cost"));
    }

    [Fact]
    public void Usage_HoursAndMoney_AreShownAsNhAndAmount()
    {
        Assert.Equal("log Nh ID [\"<note>\"] [date DATE] [project KEY]", Parser.Find("log")!.Usage);
        Assert.Equal("cost add AMOUNT \"<description>\" [ID] [\"<category>\"] [date DATE] [project KEY]", Parser.Find("cost add")!.Usage);
    }

    [Fact]
    public void Bind_FormWithHours_ConvertsLikeTypedText()
    {
        var spec = Parser.Find("log")!;

        var (command, errors) = Parser.Bind(spec, new Dictionary<string, string> { ["hours"] = "90m", ["item"] = "APOLLO-2" }, Today);

        Assert.Empty(errors);
        Assert.Equal(1.5m, command!.Decimal("hours"));
    }
}

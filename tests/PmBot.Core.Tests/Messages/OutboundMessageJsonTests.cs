using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using PmBot.Core.Messages;

namespace PmBot.Core.Tests.Messages;

public class OutboundMessageJsonTests
{
    /// <summary>One example of every block type, with every optional part set.</summary>
    public static IReadOnlyList<Block> EveryBlock { get; } =
    [
        new HeadingBlock("APOLLO · Moon"),
        new TextBlock("*bold* and _italic_\n- one"),
        new FieldsBlock([new Field("Key", "APOLLO"), new Field("PM", "Ann")]),
        new TableBlock(["Key", "Name"], [["APOLLO", "Moon"], ["ZEUS", "Sky"]]),
        new ImageBlock("/charts/1.png", "Burn-down", "Sprint 4"),
        new FileBlock("/files/1?sig=x", "apollo-plan.csv", "Plan of APOLLO"),
        new ContextBlock("Tip: `project use`"),
        new ActionsBlock([new ActionButton("Show", "project show APOLLO"), new ActionButton("Add", "member add", ButtonStyle.Primary), new ActionButton("Drop", "x", ButtonStyle.Danger)]),
        new FormBlock("Create", "project create", "Submit",
        [
            new FormInput("name", "Name", InputKind.Text, true, "Moon base", "Apollo"),
            new FormInput("goal", "Goal", InputKind.Multiline),
            new FormInput("budget", "Budget", InputKind.Number),
            new FormInput("start", "Start", InputKind.Date, false, "YYYY-MM-DD"),
            new FormInput("role", "Role", InputKind.Select, true, null, "pm", [new Choice("PM", "pm"), new Choice("Member", "member")]),
            new FormInput("user", "Person", InputKind.Person, true),
        ]),
    ];

    [Fact]
    public void EveryBlock_CoversEveryConcreteBlockType()
    {
        Assert.Equal(ConcreteBlockTypes().Select(t => t.Name).Order(), EveryBlock.Select(b => b.GetType().Name).Distinct().Order());
    }

    [Fact]
    public void ToJson_EveryBlock_RoundTripsToAnEqualMessage()
    {
        var message = new MessageBuilder().Add(EveryBlock[0]).Fallback("fallback").Build();
        foreach (var block in EveryBlock.Skip(1))
            message = message with { Blocks = [.. message.Blocks, block] };

        var json = message.ToJson();
        var back = OutboundMessage.FromJson(json);

        Assert.Equal("fallback", back.FallbackText);
        Assert.Equal(EveryBlock.Count, back.Blocks.Count);
        for (var i = 0; i < EveryBlock.Count; i++)
            AssertSameBlock(EveryBlock[i], back.Blocks[i]);
        Assert.Equal(json, back.ToJson());
    }

    [Theory]
    [InlineData(0, "heading")]
    [InlineData(1, "text")]
    [InlineData(2, "fields")]
    [InlineData(3, "table")]
    [InlineData(4, "image")]
    [InlineData(5, "file")]
    [InlineData(6, "context")]
    [InlineData(7, "actions")]
    [InlineData(8, "form")]
    public void ToJson_Block_WritesTypeDiscriminatorFirst(int index, string type)
    {
        var json = new OutboundMessage([EveryBlock[index]], "f").ToJson();

        using var doc = JsonDocument.Parse(json);
        var block = doc.RootElement.GetProperty("blocks")[0];
        var first = block.EnumerateObject().First();
        Assert.Equal("type", first.Name);
        Assert.Equal(type, first.Value.GetString());
    }

    [Fact]
    public void ToJson_Message_UsesCamelCaseEnumsAndOmitsNulls()
    {
        var json = new OutboundMessage(
            [new ActionsBlock([new ActionButton("Go", "help", ButtonStyle.Primary)]), new ImageBlock("/a.png", "alt")], "fb").ToJson();

        Assert.Equal(
            """{"blocks":[{"type":"actions","buttons":[{"label":"Go","command":"help","style":"primary"}]},{"type":"image","url":"/a.png","altText":"alt"}],"fallbackText":"fb"}""",
            json);
    }

    [Fact]
    public void FromJson_UnknownBlockType_Throws()
    {
        Assert.ThrowsAny<JsonException>(() => OutboundMessage.FromJson("""{"blocks":[{"type":"video","url":"x"}],"fallbackText":""}"""));
    }

    [Fact]
    public void FromJson_Null_Throws()
    {
        Assert.Throws<JsonException>(() => OutboundMessage.FromJson("null"));
    }

    [Fact]
    public void Block_EveryConcreteSubclass_IsRegisteredAsJsonDerivedType()
    {
        var registered = typeof(Block).GetCustomAttributes<JsonDerivedTypeAttribute>().ToList();
        var registeredTypes = registered.Select(a => a.DerivedType).ToHashSet();

        var missing = ConcreteBlockTypes().Where(t => !registeredTypes.Contains(t)).Select(t => t.Name).ToList();

        Assert.Empty(missing);
        Assert.Equal(registered.Count, registered.Select(a => a.TypeDiscriminator).Distinct().Count());
    }

    [Fact]
    public void MessageBuilder_Fallback_IsFirstHeadingOrTextUnlessSet()
    {
        Assert.Equal("Title", new MessageBuilder().Fields(new Field("a", "b")).Heading("Title").Text("body").Build().FallbackText);
        Assert.Equal("body", new MessageBuilder().Context("ctx").Text("body").Heading("Title").Build().FallbackText);
        Assert.Equal("set", new MessageBuilder().Heading("Title").Fallback("set").Text("x").Build().FallbackText);
        Assert.Equal("", new MessageBuilder().Context("ctx").Build().FallbackText);
    }

    [Fact]
    public void MessageBuilder_ActionsWithoutButtons_AddsNoBlock()
    {
        var message = new MessageBuilder().Actions().Text("x").Build();

        Assert.Equal([new TextBlock("x")], message.Blocks);
    }

    [Fact]
    public void MessageBuilder_Blocks_KeepTheirOrder()
    {
        var message = new MessageBuilder()
            .Heading("h").Text("t").Fields(new Field("l", "v")).Table(["c"], [["r"]]).Context("c").Actions(new ActionButton("b", "help")).Build();

        Assert.Equal(
            [typeof(HeadingBlock), typeof(TextBlock), typeof(FieldsBlock), typeof(TableBlock), typeof(ContextBlock), typeof(ActionsBlock)],
            message.Blocks.Select(b => b.GetType()));
    }

    internal static IReadOnlyList<Type> ConcreteBlockTypes() =>
        typeof(Block).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Block)) && !t.IsAbstract).ToList();

    /// <summary>Records with list members compare lists by reference; this compares them element by element.</summary>
    private static void AssertSameBlock(Block expected, Block actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected, actual)
        {
            case (FieldsBlock e, FieldsBlock a):
                Assert.Equal(e.Fields, a.Fields);
                break;
            case (TableBlock e, TableBlock a):
                Assert.Equal(e.Columns, a.Columns);
                Assert.Equal(e.Rows.Count, a.Rows.Count);
                for (var i = 0; i < e.Rows.Count; i++)
                    Assert.Equal(e.Rows[i], a.Rows[i]);
                break;
            case (ActionsBlock e, ActionsBlock a):
                Assert.Equal(e.Buttons, a.Buttons);
                break;
            case (FormBlock e, FormBlock a):
                Assert.Equal((e.Title, e.Command, e.SubmitLabel), (a.Title, a.Command, a.SubmitLabel));
                Assert.Equal(e.Inputs.Count, a.Inputs.Count);
                for (var i = 0; i < e.Inputs.Count; i++)
                {
                    Assert.Equal(e.Inputs[i] with { Choices = null }, a.Inputs[i] with { Choices = null });
                    Assert.Equal(e.Inputs[i].Choices ?? [], a.Inputs[i].Choices ?? []);
                    Assert.Equal(e.Inputs[i].Choices is null, a.Inputs[i].Choices is null);
                }
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }
}

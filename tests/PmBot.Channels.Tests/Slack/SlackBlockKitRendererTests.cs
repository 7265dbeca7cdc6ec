using System.Text.Json.Nodes;
using PmBot.Channels.Slack;
using PmBot.Core.Messages;

namespace PmBot.Channels.Tests.Slack;

public class SlackBlockKitRendererTests
{
    /// <summary>One sample per concrete block type; a new block type fails <see cref="RenderMessage_EveryBlockType_RendersWithinLimits"/> until it has one.</summary>
    private static readonly Dictionary<Type, Block> Samples = new()
    {
        [typeof(HeadingBlock)] = new HeadingBlock("Heading"),
        [typeof(TextBlock)] = new TextBlock("Some *text*"),
        [typeof(FieldsBlock)] = new FieldsBlock([new Field("Key", "Value")]),
        [typeof(TableBlock)] = new TableBlock(["A", "B"], [["1", "2"]]),
        [typeof(ImageBlock)] = new ImageBlock("https://example.com/a.png", "A chart"),
        [typeof(FileBlock)] = new FileBlock("https://example.com/files/1?sig=x", "plan.csv", "Plan"),
        [typeof(ContextBlock)] = new ContextBlock("Context"),
        [typeof(ActionsBlock)] = new ActionsBlock([new ActionButton("Go", "help")]),
        [typeof(FormBlock)] = SlackBlockKitRendererGoldenTests.EveryInputForm(),
    };

    public static TheoryData<string> GoldenNames() =>
        [.. Directory.GetFiles(SlackGoldens.Folder(), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void RenderMessage_EveryBlockType_RendersWithinLimits()
    {
        var concrete = typeof(Block).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Block)) && !t.IsAbstract).ToList();

        Assert.NotEmpty(concrete);
        foreach (var type in concrete)
        {
            Assert.True(Samples.TryGetValue(type, out var sample), $"No Slack sample for {type.Name}: add one here and a case to SlackBlockKitRenderer.");
            var pages = SlackBlockKitRenderer.RenderMessage(new OutboundMessage([sample], type.Name));
            Assert.Empty(SlackLimitChecker.CheckMessage(Wrap(pages)));
            Assert.Empty(SlackLimitChecker.CheckView(SlackBlockKitRenderer.RenderHome(new OutboundMessage([sample], type.Name))));
        }
    }

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void Golden_Every_RespectsSlackLimits(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(SlackGoldens.Folder(), name + ".json")))!;

        var problems = name.Split('-')[0] switch
        {
            "modal" or "home" => SlackLimitChecker.CheckView(json),
            "errors" => json["response_action"]?.GetValue<string>() == "errors" && json["errors"] is JsonObject ? [] : ["not an errors response"],
            _ => SlackLimitChecker.CheckMessage(json),
        };

        Assert.Empty(problems);
    }

    [Fact]
    public void RenderMessage_OversizedEverything_StaysWithinLimits()
    {
        var longWord = string.Concat(Enumerable.Repeat("&<>é🚀", 1500));
        var message = new OutboundMessage(
        [
            new HeadingBlock(new string('H', 200)),
            new TextBlock(longWord),
            new TextBlock(string.Join('\n', Enumerable.Repeat("- " + new string('x', 500) + " & <@U0ANN0001>", 40))),
            new FieldsBlock([.. Enumerable.Range(0, 23).Select(i => new Field(new string('L', 300), longWord))]),
            new TableBlock([.. Enumerable.Range(0, 30).Select(i => "Column " + i)], [.. Enumerable.Range(0, 80).Select(r => (IReadOnlyList<string>)[.. Enumerable.Range(0, 30).Select(c => "长" + new string('v', 50))])]),
            new ImageBlock("https://example.com/" + new string('p', 100), new string('a', 2500), new string('t', 2500)),
            new ContextBlock(longWord),
            new ActionsBlock([.. Enumerable.Range(0, 60).Select(i => new ActionButton(new string('B', 100), "cmd " + i, ButtonStyle.Danger))]),
            new ActionsBlock([new ActionButton("Too long", new string('c', 2001)), new ActionButton("", "help")]),
            new FormBlock(new string('F', 4000), "project create", "Submit", [.. Enumerable.Range(0, 5).Select(i => new FormInput("in" + i, "Input", InputKind.Select, Choices: [.. Enumerable.Range(0, 150).Select(c => new Choice("Choice " + c, "value-" + c))]))]),
        ], longWord + longWord + longWord + longWord + longWord + longWord);

        var pages = SlackBlockKitRenderer.RenderMessage(message);

        Assert.Empty(SlackLimitChecker.CheckMessage(Wrap(pages)));
        Assert.True(pages.Pages.Count >= 2);
        Assert.Empty(SlackLimitChecker.CheckView(SlackBlockKitRenderer.RenderHome(message)));
    }

    [Fact]
    public void RenderModal_OversizedForm_StaysWithinLimits()
    {
        var form = new FormBlock("A very long title for a modal", "cmd", "A very long submit label here",
        [
            new FormInput("choice", new string('L', 2500), InputKind.Select, Placeholder: new string('p', 200), InitialValue: "v-120",
                Choices: [.. Enumerable.Range(0, 150).Select(c => new Choice(new string('C', 80) + c, "v-" + c)), new Choice("too long", new string('v', 151))]),
            new FormInput("n", "N", InputKind.Number, InitialValue: "1.5"),
            new FormInput("d", "D", InputKind.Date, InitialValue: "next week"),
            new FormInput("p", "P", InputKind.Person, InitialValue: "@bob"),
            new FormInput("s", "S", InputKind.Select),
        ]);
        var view = SlackBlockKitRenderer.RenderModal(form, "cb", "", new Dictionary<string, string> { ["n"] = new string('e', 3000) }, new SlackRenderOptions { CloseLabel = "Close this form without saving" });

        Assert.Empty(SlackLimitChecker.CheckView(view));
        var blocks = view["blocks"]!.AsArray();
        Assert.Equal(100, blocks[0]!["element"]!["options"]!.AsArray().Count);
        Assert.Null(blocks[0]!["element"]!["initial_option"]);
        Assert.Null(blocks[1]!["element"]!["initial_value"]);
        Assert.Null(blocks[2]!["element"]!["initial_date"]);
        Assert.Null(blocks[3]!["element"]!["initial_user"]);
        Assert.Equal("plain_text_input", blocks[4]!["element"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void RenderModal_TooLongMetadata_Throws()
    {
        Assert.Throws<ArgumentException>(() => SlackBlockKitRenderer.RenderModal(SlackBlockKitRendererGoldenTests.EveryInputForm(), "cb", new string('m', 3001)));
    }

    [Fact]
    public void SlackModalMetadata_RoundTrip_Equal()
    {
        var metadata = new SlackModalMetadata("task add", "C1", "1.2", new Dictionary<string, string> { ["project"] = "登月" });

        Assert.True(SlackModalMetadata.TryParse(metadata.ToJson(), out var parsed));
        Assert.Equal(("task add", "C1", "1.2"), (parsed.Command, parsed.ChannelId, parsed.ThreadTs));
        Assert.Equal(metadata.Hidden, parsed.Hidden);
        Assert.False(SlackModalMetadata.TryParse("{\"x\":1}", out _));
        Assert.False(SlackModalMetadata.TryParse("not json", out _));
    }

    [Fact]
    public void SlackFormButton_RoundTripAndOversizedForm_CarriesFormOrCommand()
    {
        var form = SlackBlockKitRendererGoldenTests.EveryInputForm();
        Assert.True(SlackFormButton.TryRead(SlackFormButton.Value(form), out var read, out var command));
        Assert.Equal("project create", command);
        Assert.Equal(form.Title, read!.Title);
        Assert.Equal(form.Inputs, read.Inputs, (a, b) => a.Name == b.Name && a.Kind == b.Kind && a.Required == b.Required && a.InitialValue == b.InitialValue
            && (a.Choices ?? []).SequenceEqual(b.Choices ?? []));

        var big = form with { Inputs = [new FormInput("x", "X", InputKind.Select, Choices: [.. Enumerable.Range(0, 100).Select(i => new Choice("Choice number " + i, "value-" + i))])] };
        var value = SlackFormButton.Value(big);
        Assert.Equal("pmbot-form-command:project create", value);
        Assert.True(SlackFormButton.TryRead(value, out var none, out var onlyCommand));
        Assert.Null(none);
        Assert.Equal("project create", onlyCommand);
        Assert.False(SlackFormButton.TryRead("project list", out _, out _));
    }

    [Fact]
    public void ToMrkdwn_EscapesButKeepsUserMentions()
    {
        Assert.Equal("a &amp; b &lt;!here&gt; <@U1> <@W2|ann> &lt;#C1&gt; &lt;https://x&gt;", SlackBlockKitRenderer.ToMrkdwn("a & b <!here> <@U1> <@W2|ann> <#C1> <https://x>"));
    }

    [Fact]
    public void FallbackText_Blank_UsesPlainRendering()
    {
        var message = new OutboundMessage([new HeadingBlock("Title"), new TextBlock("Body & more")], " ");

        Assert.Equal("Title\nBody &amp; more", SlackBlockKitRenderer.FallbackText(message).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Payload_Page_HasTextAndBlocksCopy()
    {
        var pages = SlackBlockKitRenderer.RenderMessage(OutboundMessage.Text("hi"));

        var payload = pages.Payload(0);

        Assert.Equal("hi", payload["text"]!.GetValue<string>());
        Assert.Single(payload["blocks"]!.AsArray());
        Assert.Single(pages.Pages[0]);
    }

    [Theory]
    [InlineData("abc", 3, "abc")]
    [InlineData("abcd", 3, "ab…")]
    [InlineData("a🚀bc", 3, "a…")]
    public void Truncate_Cases_KeepsSurrogatePairs(string text, int max, string expected)
    {
        Assert.Equal(expected, SlackText.Truncate(text, max));
    }

    [Theory]
    [InlineData("ab &amp; c", 7, "ab …")]
    [InlineData("ab <@U123> c", 8, "ab …")]
    public void TruncateMrkdwn_Cases_NeverCutsEntitiesOrMentions(string text, int max, string expected)
    {
        Assert.Equal(expected, SlackText.TruncateMrkdwn(text, max));
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("项目", 4)]
    [InlineData("ａ", 2)]
    [InlineData("🚀x", 3)]
    public void DisplayWidth_Cases_CjkIsTwo(string text, int expected)
    {
        Assert.Equal(expected, SlackText.DisplayWidth(text));
    }

    private static JsonObject Wrap(SlackMessagePages pages) =>
        new() { ["text"] = pages.Text, ["pages"] = new JsonArray([.. pages.Pages.Select(p => p.DeepClone())]) };
}

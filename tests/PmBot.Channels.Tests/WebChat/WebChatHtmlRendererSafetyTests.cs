using PmBot.Channels.WebChat;
using PmBot.Core.Messages;

namespace PmBot.Channels.Tests.WebChat;

public class WebChatHtmlRendererSafetyTests
{
    private const string Evil = "<script>alert(\"x\")</script> & 'q'";
    private const string Encoded = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;";

    private static string Render(params Block[] blocks) => WebChatHtmlRenderer.Render(new OutboundMessage(blocks, Evil));

    public static TheoryData<string, Block> EvilBlocks => new()
    {
        { "heading", new HeadingBlock(Evil) },
        { "text", new TextBlock(Evil) },
        { "field label", new FieldsBlock([new Field(Evil, "v")]) },
        { "field value", new FieldsBlock([new Field("l", Evil)]) },
        { "column", new TableBlock([Evil], []) },
        { "cell", new TableBlock(["c"], [[Evil]]) },
        { "image alt", new ImageBlock("/a.png", Evil) },
        { "image title", new ImageBlock("/a.png", "alt", Evil) },
        { "context", new ContextBlock(Evil) },
        { "button label", new ActionsBlock([new ActionButton(Evil, "help")]) },
        { "button command", new ActionsBlock([new ActionButton("b", Evil)]) },
        { "form title", new FormBlock(Evil, "c", "s", []) },
        { "form command", new FormBlock("t", Evil, "s", []) },
        { "form submit", new FormBlock("t", "c", Evil, []) },
        { "input label", new FormBlock("t", "c", "s", [new FormInput("n", Evil, InputKind.Text)]) },
        { "input value", new FormBlock("t", "c", "s", [new FormInput("n", "l", InputKind.Text, InitialValue: Evil)]) },
        { "input placeholder", new FormBlock("t", "c", "s", [new FormInput("n", "l", InputKind.Person, Placeholder: Evil)]) },
        { "textarea value", new FormBlock("t", "c", "s", [new FormInput("n", "l", InputKind.Multiline, InitialValue: Evil)]) },
        { "choice", new FormBlock("t", "c", "s", [new FormInput("n", "l", InputKind.Select, Choices: [new Choice(Evil, Evil)])]) },
    };

    [Theory]
    [MemberData(nameof(EvilBlocks))]
    public void Render_HostileText_IsEncodedEverywhere(string where, Block block)
    {
        var html = Render(block);

        Assert.True(html.Contains(Encoded, StringComparison.Ordinal), $"{where}: {html}");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"x\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("& ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_InputNameWithQuote_CannotBreakOutOfTheAttribute()
    {
        var html = Render(new FormBlock("t", "c", "s", [new FormInput("a\" onfocus=\"x", "l", InputKind.Text)]));

        Assert.Contains("name=\"a&quot; onfocus=&quot;x\"", html, StringComparison.Ordinal);
        Assert.Contains("data-error-for=\"a&quot; onfocus=&quot;x\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ButtonCommand_IsEncodedInDataCommand()
    {
        var html = Render(new ActionsBlock([new ActionButton("Go", "project create \"A&B\" key <X>")]));

        Assert.Contains("data-command=\"project create &quot;A&amp;B&quot; key &lt;X&gt;\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("//evil.example/x.png")]
    [InlineData("data:image/png;base64,AAAA")]
    [InlineData("vbscript:msgbox")]
    [InlineData("relative.png")]
    [InlineData("")]
    public void Render_UnsafeImageUrl_DropsTheImage(string url)
    {
        var html = Render(new ImageBlock(url, "alt", "title"));

        Assert.Equal("<div class=\"pm-message\"></div>", html);
    }

    [Theory]
    [InlineData("/charts/1.png", "/charts/1.png")]
    [InlineData("https://pmbot.example/c.png?a=1&b=2", "https://pmbot.example/c.png?a=1&amp;b=2")]
    [InlineData("http://localhost:5000/c.png", "http://localhost:5000/c.png")]
    public void Render_SafeImageUrl_KeepsTheImage(string url, string src)
    {
        var html = Render(new ImageBlock(url, "alt"));

        Assert.Equal($"<div class=\"pm-message\"><figure class=\"pm-image\"><img src=\"{src}\" alt=\"alt\" loading=\"lazy\"></figure></div>", html);
    }

    [Fact]
    public void Render_EveryConcreteBlockType_RendersWithoutThrowing()
    {
        var blockTypes = typeof(Block).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Block)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(blockTypes);

        foreach (var type in blockTypes)
        {
            var block = Sample(type);
            var html = Render(block);
            Assert.StartsWith("<div class=\"pm-message\"><", html, StringComparison.Ordinal);
            Assert.EndsWith("</div>", html, StringComparison.Ordinal);
        }
    }

    /// <summary>An instance of any block type, built from its primary constructor with simple sample values.</summary>
    private static Block Sample(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = constructor.GetParameters().Select(p => SampleValue(p.ParameterType)).ToArray();
        return (Block)constructor.Invoke(args);
    }

    private static object? SampleValue(Type type)
    {
        if (type == typeof(string))
            return "/sample";
        if (type.IsEnum)
            return Enum.GetValues(type).GetValue(0);
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return SampleValue(inner);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var array = Array.CreateInstance(element, 1);
            array.SetValue(SampleValue(element), 0);
            return array;
        }
        if (type.IsValueType)
            return Activator.CreateInstance(type);
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => SampleValue(p.ParameterType)).ToArray());
    }
}

using PmBot.Channels.WebChat;

namespace PmBot.Channels.Tests.WebChat;

public class MarkdownTests
{
    [Theory]
    [InlineData("*bold*", "<strong>bold</strong>")]
    [InlineData("a *bold* word", "a <strong>bold</strong> word")]
    [InlineData("(*bold*)", "(<strong>bold</strong>)")]
    [InlineData("*bold*, then", "<strong>bold</strong>, then")]
    [InlineData("_italic_", "<em>italic</em>")]
    [InlineData("`a*b*c`", "<code>a*b*c</code>")]
    [InlineData("*not bold", "*not bold")]
    [InlineData("not bold*", "not bold*")]
    [InlineData("* not bold *", "* not bold *")]
    [InlineData("2*3*4", "2*3*4")]
    [InlineData("2 * 3 * 4", "2 * 3 * 4")]
    [InlineData("snake_case_words", "snake_case_words")]
    [InlineData("use my_var_name here", "use my_var_name here")]
    [InlineData("这是 *粗体* 文字", "这是 <strong>粗体</strong> 文字")]
    [InlineData("*粗体*", "<strong>粗体</strong>")]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("*<b>x</b>*", "<strong>&lt;b&gt;x&lt;/b&gt;</strong>")]
    public void ToHtml_Inline_GivesExpectedHtml(string markdown, string html)
    {
        Assert.Equal(html, Markdown.ToHtml(markdown));
    }

    [Fact]
    public void ToHtml_LineBreaksAndBullets_AreBrAndList()
    {
        // A <br> right before a block element adds no blank line in a browser.
        Assert.Equal("one<br>two<br><ul><li>a</li><li>b</li></ul>three", Markdown.ToHtml("one\r\ntwo\n- a\n• b\nthree"));
    }

    [Fact]
    public void ToHtml_CodeBlock_IsPreformattedAndNotFormatted()
    {
        Assert.Equal("<pre><code>*x* &lt;y&gt;\n_z_</code></pre>", Markdown.ToHtml("```\n*x* <y>\n_z_\n```"));
    }

    [Fact]
    public void ToHtml_UnclosedCodeBlock_StillEncodes()
    {
        var html = Markdown.ToHtml("```<script>");

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }
}

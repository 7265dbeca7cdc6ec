using PmBot.Core.Parsing;

namespace PmBot.Core.Tests.Parsing;

public class TokenizerTests
{
    private static List<Token> Tokens(string text)
    {
        Assert.True(Tokenizer.TryTokenize(text, out var tokens, out var error), $"unexpected error {error?.MessageKey}");
        Assert.Null(error);
        return tokens;
    }

    [Fact]
    public void TryTokenize_PlainWords_SplitsOnWhitespaceWithPositions()
    {
        var tokens = Tokens("  project   list\tnow ");

        Assert.Equal(
            [new Token("project", 2, 7, false), new Token("list", 12, 4, false), new Token("now", 17, 3, false)],
            tokens);
    }

    [Fact]
    public void TryTokenize_Empty_ReturnsNoTokens()
    {
        Assert.Empty(Tokens("   "));
    }

    [Theory]
    [InlineData("create \"Moon base\" x", "Moon base", 7, 11)]
    [InlineData("create “Moon base” x", "Moon base", 7, 11)]
    [InlineData("create 「月球 基地」 x", "月球 基地", 7, 7)]
    [InlineData("create 'Moon base' x", "Moon base", 7, 11)]
    [InlineData("create ‘Moon base’ x", "Moon base", 7, 11)]
    [InlineData("create \"Moon base” x", "Moon base", 7, 11)]
    public void TryTokenize_QuotedText_IsOneQuotedTokenSpanningTheQuotes(string text, string value, int start, int length)
    {
        var tokens = Tokens(text);

        Assert.Equal(3, tokens.Count);
        Assert.Equal(new Token("create", 0, 6, false), tokens[0]);
        Assert.Equal(new Token(value, start, length, true), tokens[1]);
        Assert.Equal(new Token("x", start + length + 1, 1, false), tokens[2]);
    }

    [Fact]
    public void TryTokenize_EscapedQuoteInsideQuotes_KeepsTheQuoteCharacter()
    {
        var tokens = Tokens("""say "a \"big\" one" \\""");

        Assert.Equal(3, tokens.Count);
        Assert.Equal("a \"big\" one", tokens[1].Value);
        Assert.True(tokens[1].Quoted);
        Assert.Equal(4, tokens[1].Start);
        Assert.Equal(15, tokens[1].Length);
        Assert.Equal(new Token("\\\\", 20, 2, false), tokens[2]);
    }

    [Fact]
    public void TryTokenize_EscapedBackslashInsideQuotes_IsOneBackslash()
    {
        var tokens = Tokens("""x "a\\b" """);

        Assert.Equal("a\\b", tokens[1].Value);
    }

    [Fact]
    public void TryTokenize_UnterminatedQuote_FailsPointingAtTheOpeningQuote()
    {
        Assert.False(Tokenizer.TryTokenize("project create \"Moon base", out _, out var error));

        Assert.NotNull(error);
        Assert.Equal("parse.unterminated_quote", error.MessageKey);
        Assert.Equal(new Token("\"Moon base", 15, 10, false), error.At);
    }

    [Fact]
    public void TryTokenize_UnterminatedCornerQuote_FailsAtItsPosition()
    {
        Assert.False(Tokenizer.TryTokenize("项目 「阿波罗", out _, out var error));

        Assert.Equal("parse.unterminated_quote", error!.MessageKey);
        Assert.Equal(3, error.At!.Start);
        Assert.Equal(4, error.At.Length);
    }

    [Fact]
    public void TryTokenize_ApostropheInsideWord_IsNotAQuote()
    {
        var tokens = Tokens("don't stop bob's work");

        Assert.Equal(["don't", "stop", "bob's", "work"], tokens.Select(t => t.Value));
        Assert.All(tokens, t => Assert.False(t.Quoted));
    }

    [Fact]
    public void TryTokenize_QuotedEmptyString_IsAnEmptyQuotedToken()
    {
        var tokens = Tokens("name \"\"");

        Assert.Equal(new Token("", 5, 2, true), tokens[1]);
    }
}

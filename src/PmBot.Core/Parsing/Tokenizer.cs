namespace PmBot.Core.Parsing;

/// <summary>
/// Splits a command line into words. Quotes ("…", “…”, 「…」, '…') group words; a backslash escapes a quote inside.
/// </summary>
public static class Tokenizer
{
    private static readonly Dictionary<char, char> Quotes = new()
    {
        ['"'] = '"',
        ['\''] = '\'',
        ['“'] = '”',
        ['「'] = '」',
        ['‘'] = '’',
    };

    public static bool TryTokenize(string text, out List<Token> tokens, out ParseError? error)
    {
        tokens = [];
        error = null;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            // @"Carla Díaz": a mention by a name with spaces is one token, "@Carla Díaz".
            var mention = text[i] == '@' && i + 1 < text.Length && Quotes.ContainsKey(text[i + 1]);
            if (mention)
                i++;
            // An apostrophe inside a word ("don't") is not a quote: only a quote at the start of a token opens one.
            if (Quotes.TryGetValue(text[i], out var close))
            {
                var value = new System.Text.StringBuilder();
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    var c = text[i];
                    if (c == '\\' && i + 1 < text.Length && (text[i + 1] == close || text[i + 1] == '\\'))
                    {
                        value.Append(text[i + 1]);
                        i += 2;
                        continue;
                    }
                    if (c == close || (close == '"' && c == '”'))
                    {
                        closed = true;
                        i++;
                        break;
                    }
                    value.Append(c);
                    i++;
                }
                if (!closed)
                {
                    error = new ParseError("parse.unterminated_quote", new Token(text[start..], start, text.Length - start, false));
                    return false;
                }
                tokens.Add(mention ? new Token("@" + value, start, i - start, false) : new Token(value.ToString(), start, i - start, true));
                continue;
            }
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
                i++;
            tokens.Add(new Token(text[start..i], start, i - start, false));
        }
        return true;
    }
}

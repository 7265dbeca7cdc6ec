namespace PmBot.Core.Parsing;

/// <summary>A person named in a command: by channel user id (<c>&lt;@U123&gt;</c>) or by name (<c>@bob</c>).</summary>
public sealed record MentionRef(string? UserId, string? Name)
{
    public static bool TryParse(string token, out MentionRef mention)
    {
        mention = new MentionRef(null, null);
        if (token.Length > 3 && token.StartsWith("<@", StringComparison.Ordinal) && token.EndsWith('>'))
        {
            var inner = token[2..^1];
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            var id = bar >= 0 ? inner[..bar] : inner;
            if (id.Length == 0)
                return false;
            mention = new MentionRef(id, bar >= 0 ? inner[(bar + 1)..] : null);
            return true;
        }
        if (token.Length > 1 && token[0] == '@')
        {
            mention = new MentionRef(null, token[1..]);
            return true;
        }
        return false;
    }

    public override string ToString() => UserId is not null ? $"<@{UserId}>" : $"@{Name}";
}

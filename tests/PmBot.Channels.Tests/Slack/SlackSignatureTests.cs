using System.Text;
using Microsoft.Extensions.Time.Testing;
using PmBot.Channels.Slack;

namespace PmBot.Channels.Tests.Slack;

public class SlackSignatureTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Body = "token=xyz&team_id=T0001&command=%2Fpm&text=project+show+APOLLO";
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);
    private static readonly string Ts = SlackSignature.Timestamp(Now);

    private static SlackSignature Verifier() => new(Secret, new FakeTimeProvider(Now));

    private static string TsAt(int offsetSeconds) => SlackSignature.Timestamp(Now.AddSeconds(offsetSeconds));

    public static TheoryData<string, string?, string?, string, SlackSignatureResult> Corpus()
    {
        var good = SlackSignature.Sign(Secret, Ts, Body);
        return new()
        {
            { "correct", Ts, good, Body, SlackSignatureResult.Valid },
            { "wrong secret", Ts, SlackSignature.Sign("another-secret", Ts, Body), Body, SlackSignatureResult.WrongSignature },
            { "stale -301 s", TsAt(-301), SlackSignature.Sign(Secret, TsAt(-301), Body), Body, SlackSignatureResult.Stale },
            { "future +301 s", TsAt(301), SlackSignature.Sign(Secret, TsAt(301), Body), Body, SlackSignatureResult.Stale },
            { "exactly -300 s", TsAt(-300), SlackSignature.Sign(Secret, TsAt(-300), Body), Body, SlackSignatureResult.Valid },
            { "exactly +300 s", TsAt(300), SlackSignature.Sign(Secret, TsAt(300), Body), Body, SlackSignatureResult.Valid },
            { "tampered body", Ts, good, Body.Replace("APOLLO", "ZEUS", StringComparison.Ordinal), SlackSignatureResult.WrongSignature },
            { "tampered timestamp", TsAt(-1), good, Body, SlackSignatureResult.WrongSignature },
            { "missing signature", Ts, null, Body, SlackSignatureResult.MissingHeaders },
            { "missing timestamp", null, good, Body, SlackSignatureResult.MissingHeaders },
            { "empty headers", "", "", Body, SlackSignatureResult.MissingHeaders },
            { "v1= prefix", Ts, "v1=" + good[3..], Body, SlackSignatureResult.WrongSignature },
            { "uppercase hex", Ts, "v0=" + good[3..].ToUpperInvariant(), Body, SlackSignatureResult.WrongSignature },
            { "no prefix", Ts, good[3..], Body, SlackSignatureResult.WrongSignature },
            { "non-numeric timestamp", "17x3", SlackSignature.Sign(Secret, "17x3", Body), Body, SlackSignatureResult.BadTimestamp },
            { "signed timestamp", "+" + Ts, SlackSignature.Sign(Secret, "+" + Ts, Body), Body, SlackSignatureResult.BadTimestamp },
            { "huge timestamp", "99999999999999999999", good, Body, SlackSignatureResult.BadTimestamp },
            { "empty body, signed empty", Ts, SlackSignature.Sign(Secret, Ts, ""), "", SlackSignatureResult.Valid },
            { "empty body, signed other", Ts, good, "", SlackSignatureResult.WrongSignature },
            { "truncated signature", Ts, good[..^2], Body, SlackSignatureResult.WrongSignature },
        };
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Verify_Corpus_OnlyCorrectOnesPass(string scenario, string? timestamp, string? signature, string body, SlackSignatureResult expected)
    {
        Assert.True(Verifier().Verify(timestamp, signature, Encoding.UTF8.GetBytes(body)) == expected, $"{scenario}: expected {expected}");
    }

    [Fact]
    public void Sign_KnownVector_MatchesIndependentHmac()
    {
        // Computed independently: printf 'v0:1531420618:%s' "$body" | openssl dgst -sha256 -hmac "$secret"
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fhelp";
        const string expected = "v0=bf3e9962031dd654279d47514bbd525d447a409e336f1f29fa866f843ac42abf";

        Assert.Equal(expected, SlackSignature.Sign(Secret, "1531420618", body));    }

    [Fact]
    public void Verify_UnicodeBodyAsText_MatchesBytes()
    {
        const string body = "text=%E9%A1%B9%E7%9B%AE&emoji=🚀";
        var signature = SlackSignature.Sign(Secret, Ts, Encoding.UTF8.GetBytes(body));

        Assert.Equal(SlackSignatureResult.Valid, Verifier().Verify(Ts, signature, body));
    }

    [Fact]
    public void Constructor_EmptySecret_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SlackSignature("", TimeProvider.System));
    }
}

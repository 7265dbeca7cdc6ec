using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using PmBot.Core.Dispatching;
using PmBot.Core.Localization;

namespace PmBot.Core.Tests.Localization;

public partial class LocalizationCompletenessTests
{
    /// <summary>
    /// zh-CN values that may equal the English ones: command examples and format hints are typed as-is in both
    /// languages; "English" is how the language chooser names English in any UI language.
    /// </summary>
    private static bool MaySameInBothLanguages(string key) =>
        key.EndsWith(".example", StringComparison.Ordinal) || key.StartsWith("hint.", StringComparison.Ordinal) || key == "choice.en";

    private static Dictionary<string, string> Strings(CultureInfo culture)
    {
        var set = Localizer.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static Dictionary<string, string> Neutral => Strings(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Chinese => Strings(CultureInfo.GetCultureInfo("zh-CN"));

    [Fact]
    public void Resources_NeutralSet_IsNotEmpty()
    {
        Assert.True(Neutral.Count > 50, $"only {Neutral.Count} neutral strings were found");
        Assert.Equal("Submit", Neutral["button.submit"]);
        Assert.Equal("提交", Chinese["button.submit"]);
    }

    [Fact]
    public void Resources_EveryNeutralKey_ExistsInBothLanguages()
    {
        var chinese = Chinese;
        var missingInChinese = Neutral.Keys.Where(k => !chinese.ContainsKey(k)).Order().ToList();
        var missing = Neutral.Keys.Where(k => !Localizer.English.Has(k) || !Localizer.Chinese.Has(k)).ToList();

        Assert.Empty(missingInChinese);
        Assert.Empty(missing);
    }

    [Fact]
    public void Resources_EveryChineseKey_ExistsInNeutral()
    {
        var neutral = Neutral;

        var extra = Chinese.Keys.Where(k => !neutral.ContainsKey(k)).Order().ToList();

        Assert.Empty(extra);
    }

    [Fact]
    public void Resources_ChineseValues_AreTranslatedUnlessExamplesOrHints()
    {
        var neutral = Neutral;
        var untranslated = Chinese
            .Where(kv => neutral.TryGetValue(kv.Key, out var en) && en == kv.Value && en.Any(char.IsLetter) && !MaySameInBothLanguages(kv.Key))
            .Select(kv => kv.Key)
            .Order()
            .ToList();

        Assert.Empty(untranslated);
    }

    [Fact]
    public void Resources_Placeholders_AreTheSameSetInBothLanguages()
    {
        var neutral = Neutral;
        var mismatched = Chinese
            .Where(kv => neutral.ContainsKey(kv.Key) && !Placeholders(kv.Value).SetEquals(Placeholders(neutral[kv.Key])))
            .Select(kv => $"{kv.Key}: en {{{string.Join(',', Placeholders(neutral[kv.Key]))}}} zh {{{string.Join(',', Placeholders(kv.Value))}}}")
            .ToList();

        Assert.Empty(mismatched);
    }

    [Fact]
    public void Resources_Placeholders_AreNumberedWithoutGaps()
    {
        var gaps = Neutral
            .Where(kv => Placeholders(kv.Value) is { Count: > 0 } p && p.Max() != p.Count - 1)
            .Select(kv => kv.Key)
            .ToList();

        Assert.Empty(gaps);
    }

    [Fact]
    public void Placeholders_FormatItems_AreFoundWithFormatsAndEscapes()
    {
        Assert.Equal([0, 1, 3], Placeholders("{0} {1:HH:mm} {{2}} {3,5}").Order());
    }

    [Fact]
    public void CommandTable_EveryCommand_HasSummaryAndTitleInBothLanguages()
    {
        var neutral = Neutral;
        var chinese = Chinese;
        var missing = new List<string>();
        foreach (var spec in CommandTable.CreateDefault().Parser.Specs)
        {
            foreach (var key in new[] { spec.SummaryKey, spec.SummaryKey + ".title" })
            {
                if (!neutral.ContainsKey(key))
                    missing.Add("en " + key);
                if (!chinese.ContainsKey(key))
                    missing.Add("zh-CN " + key);
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void CommandTable_EveryParameter_HasANameInBothLanguages()
    {
        var neutral = Neutral;
        var chinese = Chinese;
        var names = CommandTable.CreateDefault().Parser.Specs.SelectMany(s => s.Params).Select(p => "param." + p.Name).Distinct();

        var missing = names.Where(k => !neutral.ContainsKey(k) || !chinese.ContainsKey(k)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void CommandTable_EveryChoice_HasALabelOrIsShownAsIs()
    {
        // Choices without a "choice." label are shown raw in forms; every current choice has one.
        var neutral = Neutral;
        var chinese = Chinese;
        var choices = CommandTable.CreateDefault().Parser.Specs.SelectMany(s => s.Params).SelectMany(p => p.Choices ?? []).Select(c => "choice." + c);

        var missing = choices.Where(k => !neutral.ContainsKey(k) || !chinese.ContainsKey(k)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Localizer_MissingKey_ReturnsTheKey()
    {
        Assert.Equal("no.such.key", Localizer.Chinese["no.such.key"]);
        Assert.False(Localizer.English.Has("no.such.key"));
    }

    [Fact]
    public void Localizer_Indexer_FormatsArguments()
    {
        Assert.Equal("Usage: `me`", Localizer.English["reply.usage", "`me`"]);
        Assert.Equal("用法：`me`", Localizer.Chinese["reply.usage", "`me`"]);
    }

    [Theory]
    [InlineData("zh_CN", "zh-CN")]
    [InlineData("fr", "en")]
    [InlineData(null, "en")]
    public void LocalizerFor_Locale_PicksLanguage(string? locale, string expected)
    {
        Assert.Equal(expected, Localizer.For(locale).Locale);
    }

    private static HashSet<int> Placeholders(string format)
    {
        var unescaped = format.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal);
        return FormatItem().Matches(unescaped).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
    }

    [GeneratedRegex(@"\{(\d+)(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex FormatItem();
}

using PmBot.Core.Domain;

namespace PmBot.Core.Tests.Domain;

public class LocalesTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-US", "en")]
    [InlineData("EN_gb", "en")]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh_CN", "zh-CN")]
    [InlineData("zh-cn", "zh-CN")]
    [InlineData("zh-Hans", "zh-CN")]
    [InlineData(" zh ", "zh-CN")]
    public void TryNormalize_Supported_GivesSupportedLocale(string input, string expected)
    {
        Assert.True(Locales.TryNormalize(input, out var locale));
        Assert.Equal(expected, locale);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("de-DE")]
    [InlineData("")]
    [InlineData(null)]
    public void TryNormalize_Unsupported_ReturnsFalseWithEnglishDefault(string? input)
    {
        Assert.False(Locales.TryNormalize(input, out var locale));
        Assert.Equal("en", locale);
    }

    [Fact]
    public void Culture_EachSupported_IsThatCulture()
    {
        Assert.Equal("en", Locales.Culture("en").Name);
        Assert.Equal("zh-CN", Locales.Culture("zh-CN").Name);
        Assert.Equal("en", Locales.Culture("fr").Name);
    }
}

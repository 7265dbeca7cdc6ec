using PmBot.Core.Domain;

namespace PmBot.Core.Tests.Domain;

public class ProjectKeysTests
{
    [Theory]
    [InlineData("AP", true)]
    [InlineData("APOLLO", true)]
    [InlineData("A1", true)]
    [InlineData("ABCDEFGHIJ", true)]
    [InlineData("ABCDEFGHIJK", false)]
    [InlineData("A", false)]
    [InlineData("", false)]
    [InlineData("1AB", false)]
    [InlineData("apollo", false)]
    [InlineData("AP-1", false)]
    [InlineData("AP_1", false)]
    [InlineData("ÄPOLLO", false)]
    public void IsValid_Key_ReturnsExpected(string key, bool valid)
    {
        Assert.Equal(valid, ProjectKeys.IsValid(key));
    }

    [Theory]
    [InlineData("Apollo Moon Landing", "APOLLO")]
    [InlineData("apollo", "APOLLO")]
    [InlineData("Mission-Control", "MISSION")]
    [InlineData("Supercalifragilistic", "SUPERCALIF")]
    [InlineData("X Ray", "XRAY")]
    [InlineData("2026 Budget", "BUDGET")]
    [InlineData("Q4 plan", "Q4")]
    [InlineData("阿波罗", "PRJ")]
    [InlineData("", "PRJ")]
    [InlineData("42", "PRJ")]
    [InlineData("C++ rewrite", "CREWRITE")]
    public void Suggest_Name_DerivesAValidKey(string name, string expected)
    {
        var key = ProjectKeys.Suggest(name);

        Assert.Equal(expected, key);
        Assert.True(ProjectKeys.IsValid(key));
    }

    [Theory]
    [InlineData("APOLLO", 2, "APOLLO2")]
    [InlineData("APOLLO", 17, "APOLLO17")]
    [InlineData("ABCDEFGHIJ", 2, "ABCDEFGHI2")]
    [InlineData("ABCDEFGHIJ", 10, "ABCDEFGH10")]
    [InlineData("ABCDEFGHI", 12, "ABCDEFGH12")]
    public void Alternative_KeyAndNumber_StaysWithinTheLimit(string key, int n, string expected)
    {
        var alternative = ProjectKeys.Alternative(key, n);

        Assert.Equal(expected, alternative);
        Assert.True(ProjectKeys.IsValid(alternative));
    }
}

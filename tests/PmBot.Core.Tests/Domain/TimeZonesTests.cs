using PmBot.Core.Domain;

namespace PmBot.Core.Tests.Domain;

public class TimeZonesTests
{
    [Theory]
    [InlineData("Asia/Shanghai", "Asia/Shanghai")]
    [InlineData("asia/shanghai", "Asia/Shanghai")]
    [InlineData("  Europe/Berlin ", "Europe/Berlin")]
    [InlineData("AMERICA/NEW_YORK", "America/New_York")]
    [InlineData("UTC", "UTC")]
    public void TryNormalize_KnownZone_GivesCanonicalId(string input, string expected)
    {
        Assert.True(TimeZones.TryNormalize(input, out var zone));
        Assert.Equal(expected, zone);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Asia/Shanghai2")]
    [InlineData("../../etc/passwd")]
    public void TryNormalize_InvalidName_ReturnsFalseAndEmpty(string? input)
    {
        Assert.False(TimeZones.TryNormalize(input, out var zone));
        Assert.Equal("", zone);
    }

    [Fact]
    public void TryNormalize_TooLong_ReturnsFalse()
    {
        Assert.False(TimeZones.TryNormalize("Asia/" + new string('x', 70), out _));
    }

    [Fact]
    public void Examples_AreAllValidCanonicalZones()
    {
        foreach (var example in TimeZones.Examples)
        {
            Assert.True(TimeZones.TryNormalize(example, out var zone), example);
            Assert.Equal(example, zone);
        }
    }
}

using PmBot.Core.Outbox;

namespace PmBot.Core.Tests.Outbox;

public class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10), 12);

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(2, 2_000)]
    [InlineData(3, 4_000)]
    [InlineData(4, 8_000)]
    [InlineData(8, 128_000)]
    public void Delay_NoJitter_GrowsExponentially(int attempt, int lowestMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(lowestMs), Policy.Delay(attempt, null, 0));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(500)]
    public void Delay_LateAttempt_IsCappedAtMaxDelay(int attempt)
    {
        Assert.Equal(TimeSpan.FromMinutes(5), Policy.Delay(attempt, null, 0));
        Assert.Equal(TimeSpan.FromMinutes(7.5), Policy.Delay(attempt, null, 0.5));
        Assert.True(Policy.Delay(attempt, null, 0.999999) < TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void Delay_Jitter_StaysBetweenHalfAndAllOfTheCeiling()
    {
        for (var attempt = 1; attempt <= 15; attempt++)
        {
            var ceiling = Math.Min(600_000, 2_000 * Math.Pow(2, attempt - 1));
            foreach (var random in new[] { 0, 0.1, 0.5, 0.9, 0.999999 })
            {
                var delay = Policy.Delay(attempt, null, random).TotalMilliseconds;
                Assert.InRange(delay, ceiling / 2, ceiling);
                Assert.Equal(ceiling / 2 + random * ceiling / 2, delay, 3);
            }
        }
    }

    [Fact]
    public void Delay_RetryAfterLongerThanBackoff_IsRespected()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Policy.Delay(1, TimeSpan.FromSeconds(30), 0.999));
        Assert.Equal(TimeSpan.FromHours(1), Policy.Delay(20, TimeSpan.FromHours(1), 0.5));
    }

    [Fact]
    public void Delay_RetryAfterShorterThanBackoff_UsesBackoff()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), Policy.Delay(3, TimeSpan.FromMilliseconds(100), 0));
    }

    [Fact]
    public void Default_Policy_HasDocumentedValues()
    {
        Assert.Equal(new RetryPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10), 12), RetryPolicy.Default);
    }
}

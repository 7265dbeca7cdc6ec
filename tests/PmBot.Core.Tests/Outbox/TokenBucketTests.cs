using PmBot.Core.Outbox;

namespace PmBot.Core.Tests.Outbox;

public class TokenBucketTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryTake_Burst_AllowsBurstThenSaysWhenTheNextTokenComes()
    {
        var bucket = new TokenBucket(ratePerSecond: 2, burst: 3, T0);

        Assert.True(bucket.TryTake(T0, out var first));
        Assert.True(bucket.TryTake(T0, out _));
        Assert.True(bucket.TryTake(T0, out _));
        Assert.False(bucket.TryTake(T0, out var next));

        Assert.Equal(T0, first);
        Assert.Equal(T0.AddMilliseconds(500), next);
    }

    [Fact]
    public void TryTake_AfterRefill_GivesTokensAtTheRate()
    {
        var bucket = new TokenBucket(ratePerSecond: 1, burst: 1, T0);
        Assert.True(bucket.TryTake(T0, out _));

        Assert.False(bucket.TryTake(T0.AddMilliseconds(400), out var availableAt));
        Assert.Equal(T0.AddSeconds(1), availableAt);
        Assert.True(bucket.TryTake(T0.AddSeconds(1), out _));
        Assert.False(bucket.TryTake(T0.AddSeconds(1), out _));
    }

    [Fact]
    public void TryTake_AfterLongIdle_RefillsOnlyUpToBurst()
    {
        var bucket = new TokenBucket(ratePerSecond: 10, burst: 2, T0);
        Assert.True(bucket.TryTake(T0, out _));
        Assert.True(bucket.TryTake(T0, out _));

        var later = T0.AddHours(1);
        Assert.True(bucket.TryTake(later, out _));
        Assert.True(bucket.TryTake(later, out _));
        Assert.False(bucket.TryTake(later, out _));
    }

    [Fact]
    public void Return_TakenToken_CanBeTakenAgainButNeverExceedsBurst()
    {
        var bucket = new TokenBucket(ratePerSecond: 1, burst: 1, T0);
        Assert.True(bucket.TryTake(T0, out _));
        bucket.Return();
        Assert.True(bucket.TryTake(T0, out _));

        var full = new TokenBucket(ratePerSecond: 1, burst: 1, T0);
        full.Return();
        Assert.True(full.TryTake(T0, out _));
        Assert.False(full.TryTake(T0, out _));
    }

    [Fact]
    public void BlockUntil_Moment_RefusesUntilThenEvenWithTokens()
    {
        var bucket = new TokenBucket(ratePerSecond: 100, burst: 100, T0);

        bucket.BlockUntil(T0.AddSeconds(30), T0);

        Assert.False(bucket.TryTake(T0.AddSeconds(29.9), out var availableAt));
        Assert.Equal(T0.AddSeconds(30), availableAt);
        Assert.True(bucket.TryTake(T0.AddSeconds(30), out _));
    }

    [Fact]
    public void BlockUntil_EarlierMoment_DoesNotShortenTheBlock()
    {
        var bucket = new TokenBucket(ratePerSecond: 1, burst: 5, T0);

        bucket.BlockUntil(T0.AddSeconds(30), T0);
        bucket.BlockUntil(T0.AddSeconds(5), T0);

        Assert.False(bucket.TryTake(T0.AddSeconds(10), out var availableAt));
        Assert.Equal(T0.AddSeconds(30), availableAt);
    }

    [Fact]
    public void TryTake_InfiniteRate_NeverRefuses()
    {
        var bucket = new TokenBucket(double.PositiveInfinity, int.MaxValue, T0);

        for (var i = 0; i < 1000; i++)
            Assert.True(bucket.TryTake(T0, out _));
    }
}

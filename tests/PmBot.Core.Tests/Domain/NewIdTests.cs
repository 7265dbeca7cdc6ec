using PmBot.Core.Domain;

namespace PmBot.Core.Tests.Domain;

public class NewIdTests
{
    [Fact]
    public void Next_ManyAcrossBufferRefills_AreDistinctVersion4Ids()
    {
        // 4 KB of random bytes make 256 ids: 10,000 cross many refills.
        var ids = Enumerable.Range(0, 10_000).Select(_ => NewId.Next()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, ids);
        Assert.All(ids, id =>
        {
            var text = id.ToString("D");
            Assert.Equal('4', text[14]); // version 4
            Assert.Contains(text[19], "89ab"); // RFC 9562 variant
        });
    }

    [Fact]
    public async Task Next_OnSeveralThreads_NeverRepeats()
    {
        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Enumerable.Range(0, 2_000).Select(_ => NewId.Next()).ToList())));

        var all = batches.SelectMany(b => b).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }
}

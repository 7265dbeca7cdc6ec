using PmBot.Core.Features.Status;

namespace PmBot.Core.Tests.Features.Status;

public class RagRulesTests
{
    [Theory]
    [InlineData(false, null, 0, 0, Rag.Unknown)]
    [InlineData(true, 0, 0, 10, Rag.Green)]
    [InlineData(true, -3, 0, 10, Rag.Green)]
    [InlineData(true, null, 0, 10, Rag.Green)]
    [InlineData(true, 1, 0, 10, Rag.Amber)]
    [InlineData(true, 5, 0, 10, Rag.Amber)]
    [InlineData(true, 6, 0, 10, Rag.Red)]
    [InlineData(true, 0, 1, 10, Rag.Amber)]
    [InlineData(true, 0, 2, 10, Rag.Amber)]
    [InlineData(true, 0, 3, 10, Rag.Red)]
    public void Schedule_SlipAndLateTasks_Rated(bool scheduled, int? slip, int late, int open, Rag expected) =>
        Assert.Equal(expected, RagRules.Schedule(scheduled, slip, late, open));

    [Theory]
    [InlineData(null, Rag.Unknown)]
    [InlineData(1.02, Rag.Green)]
    [InlineData(0.95, Rag.Green)]
    [InlineData(0.90, Rag.Amber)]
    [InlineData(0.84, Rag.Red)]
    public void Cost_Cpi_Rated(double? cpi, Rag expected) => Assert.Equal(expected, RagRules.Cost(cpi));

    [Theory]
    [InlineData(null, 0, Rag.Unknown)]
    [InlineData(null, 1, Rag.Amber)]
    [InlineData(1.10, 2, Rag.Amber)]
    [InlineData(0.80, 1, Rag.Red)]
    public void Cost_CpiAndBudgetAlerts_AlertsMakeItAtLeastAmber(double? cpi, int alerts, Rag expected) => Assert.Equal(expected, RagRules.Cost(cpi, alerts));

    [Theory]
    [InlineData(true, 0, null, Rag.Green)]
    [InlineData(true, 0, 1.02, Rag.Green)]
    [InlineData(true, 0, 0.90, Rag.Amber)]
    [InlineData(true, 0, 0.80, Rag.Red)]
    [InlineData(true, 6, 1.10, Rag.Red)]
    [InlineData(false, null, 0.90, Rag.Amber)]
    public void Schedule_Spi_WorstOfDatesAndIndex(bool scheduled, int? slip, double? spi, Rag expected) =>
        Assert.Equal(expected, RagRules.Schedule(scheduled, slip, 0, 10, spi));

    [Theory]
    [InlineData(null, Rag.Unknown)]
    [InlineData(0.0, Rag.Green)]
    [InlineData(0.05, Rag.Green)]
    [InlineData(0.10, Rag.Amber)]
    [InlineData(0.16, Rag.Red)]
    public void Scope_AddedShare_Rated(double? share, Rag expected) => Assert.Equal(expected, RagRules.Scope(share));

    [Theory]
    [InlineData(0, 0, Rag.Green)]
    [InlineData(1, 2, Rag.Amber)]
    [InlineData(4, 9, Rag.Amber)]
    [InlineData(5, 0, Rag.Red)]
    [InlineData(1, 10, Rag.Red)]
    public void Risks_OpenBlockers_Rated(int open, int oldest, Rag expected) => Assert.Equal(expected, RagRules.Risks(open, oldest));

    [Fact]
    public void Overall_IsTheWorstRatedAndIgnoresUnknown()
    {
        Assert.Equal(Rag.Amber, RagRules.Overall([Rag.Green, Rag.Unknown, Rag.Amber]));
        Assert.Equal(Rag.Red, RagRules.Overall([Rag.Red, Rag.Amber]));
        Assert.Equal(Rag.Unknown, RagRules.Overall([Rag.Unknown, Rag.Unknown]));
        Assert.Equal(Rag.Unknown, RagRules.Quality());
    }
}

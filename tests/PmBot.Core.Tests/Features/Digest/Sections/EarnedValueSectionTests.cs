using PmBot.Core.Features.Digest.Sections;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Tests.Features.Plan;

namespace PmBot.Core.Tests.Features.Digest.Sections;

public class EarnedValueSectionTests
{
    [Fact]
    public void Compute_WorkedExample_TodayAndAWeekBefore()
    {
        // EvmDataTests' example, read on Monday 16 March: a week before (Monday 9 March) SPI 5,600 / 7,400 and CPI 5,600 / 7,000.
        var figures = EarnedValueSection.Compute(EvmDataTests.Example(), new DateOnly(2026, 3, 16));

        Assert.Equal(0.757m, Math.Round(figures.SpiBefore!.Value, 3));
        Assert.Equal(0.8m, figures.CpiBefore);
        Assert.NotNull(figures.Spi);
        Assert.NotNull(figures.Cpi);
    }

    [Fact]
    public void Render_FallingSpiRisingCpi_ArrowsAndHeadline()
    {
        var part = EarnedValueSection.Render(new EvmFigures(0.82m, 1.04m, 0.91m, 0.97m, 42m), Localizer.English);

        var text = Assert.IsType<TextBlock>(part.Blocks[0]).Markdown;
        Assert.Equal("*Earned value* — SPI 0.82 (↓ from 0.91 7 days ago) · CPI 1.04 (↑ from 0.97 7 days ago) · 42% complete", text);
        Assert.Equal("SPI 0.82 · CPI 1.04", part.Headline);
    }

    [Fact]
    public void Render_OnPlanNothingBefore_NoHeadline()
    {
        var part = EarnedValueSection.Render(new EvmFigures(1.00m, 0.95m, null, 0.95m, null), Localizer.English);

        var text = Assert.IsType<TextBlock>(part.Blocks[0]).Markdown;
        Assert.Contains("SPI 1.00 (nothing to compare 7 days ago)", text, StringComparison.Ordinal);
        Assert.Contains("CPI 0.95 (= 7 days ago)", text, StringComparison.Ordinal);
        Assert.Null(part.Headline);
    }
}

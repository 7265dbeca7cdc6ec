using PmBot.Core.Charts;
using PmBot.Core.Features.Digest;
using PmBot.Core.Features.Digest.Sections;
using PmBot.Core.Features.Plan;
using PmBot.Core.Localization;
using PmBot.Core.Tests.Features.Plan;
using static PmBot.Core.Tests.Features.Digest.DigestFixtures;

namespace PmBot.Core.Tests.Features.Digest.Sections;

public class ChartSectionTests
{
    [Fact]
    public async Task BuildAsync_WithoutRendererOrPublisher_LeftOutWithoutReadingTheStore()
    {
        // A null store: the section must not touch it when it cannot draw.
        var data = new ProjectData(null!, null!, Project(), Today, Since, Now);

        Assert.Same(DigestPart.None, await new ChartSection().BuildAsync(data, Localizer.English, CancellationToken.None));
    }

    [Fact]
    public void SCurve_WorkedExample_PlanToTheFinishEarnedAndActualToToday()
    {
        var today = new DateOnly(2026, 3, 9);
        var points = EvmDataTests.Example(today).WeeklySeries(today, planThroughFinish: true);

        var chart = ChartSection.SCurve(points, "APOLLO", "Apollo", today, Localizer.English);

        Assert.Equal("APOLLO · Apollo: earned value S-curve", chart.Title);
        Assert.Equal(["PV", "EV", "AC"], chart.Series.Select(s => s.Name));
        var (pv, ev, ac) = (chart.Series[0].Points, chart.Series[1].Points, chart.Series[2].Points);
        Assert.Equal(10_000, pv[^1].Value);
        Assert.True(pv[^1].Date > today);
        Assert.Equal((today, 5_600.0), (ev[^1].Date, ev[^1].Value));
        Assert.Equal((today, 7_000.0), (ac[^1].Date, ac[^1].Value));
        Assert.Equal(SeriesStyle.Dashed, chart.Series[0].Style);
    }
}

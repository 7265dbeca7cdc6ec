using PmBot.Core.Charts;
using PmBot.Core.Features.Plan;
using PmBot.Core.Localization;

namespace PmBot.Core.Tests.Features.Plan;

public class ShowEvmTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void Chart_WorkedExample_PvThroughTheFinishEvAndAcUpToTheStatusDate()
    {
        // The example of EvmDataTests: baseline 2-13 March, BAC 10,000; on Monday 9 March PV 7,400, EV 5,600, AC 7,000.
        var points = EvmDataTests.Example().WeeklySeries(D(3, 9), planThroughFinish: true);

        var chart = ShowEvm.Chart(Localizer.English, "APOLLO", "USD", points, D(3, 9));

        Assert.Equal(["Planned value (PV)", "Earned value (EV)", "Actual cost (AC)"], chart.Series.Select(s => s.Name));
        Assert.Equal([SeriesStyle.Dashed, SeriesStyle.Solid, SeriesStyle.Solid], chart.Series.Select(s => s.Style));
        var (pv, ev, ac) = (chart.Series[0].Points, chart.Series[1].Points, chart.Series[2].Points);
        Assert.Equal([D(3, 1), D(3, 8), D(3, 9), D(3, 13)], pv.Select(p => p.Date));
        Assert.Equal((0, 7400, 10000), (pv[0].Value, pv[2].Value, pv[^1].Value));
        Assert.Equal([D(3, 1), D(3, 8), D(3, 9)], ev.Select(p => p.Date));
        Assert.Equal(new ChartPoint(D(3, 9), 5600), ev[^1]);
        Assert.Equal(new ChartPoint(D(3, 9), 7000), ac[^1]);
        Assert.Equal(D(3, 9), chart.Today);
        Assert.Equal("Status date", chart.TodayLabel);
        Assert.Equal("Cumulative cost (USD)", chart.ValueAxisLabel);
    }

    [Fact]
    public void Chart_InChinese_LabelsTheSeriesInChinese()
    {
        var chart = ShowEvm.Chart(Localizer.Chinese, "APOLLO", "CNY", EvmDataTests.Example().WeeklySeries(D(3, 9)), D(3, 9));

        Assert.Equal("zh-CN", chart.Culture);
        Assert.Equal("挣值（EV）", chart.Series[1].Name);
        Assert.Equal(D(3, 9), chart.Series[0].Points[^1].Date);
    }
}

using System.Globalization;
using PmBot.Core.Charts;
using ScottPlot;

namespace PmBot.Charts;

/// <summary>
/// Workload as a share of capacity: for each week a group of bars, one per member (same colour every week), a red
/// dashed line at 100%; a bar above it (over-allocation) has a red outline.
/// </summary>
internal static class WorkloadPlot
{
    public const int Height = 650;

    private static readonly Color Over = Color.FromHex("#D64541");

    public static Plot Build(WorkloadChart chart, CultureInfo culture)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var members = chart.Members.Where(m => m.CapacityHoursPerWeek > 0).ToList();
        const double groupWidth = 0.8;
        var barWidth = members.Count == 0 ? groupWidth : groupWidth / members.Count;
        var bars = new List<Bar>();
        for (var m = 0; m < members.Count; m++)
        {
            var member = members[m];
            var color = palette.GetColor(m);
            for (var w = 0; w < chart.Weeks.Count && w < member.Hours.Count; w++)
            {
                var percent = member.Hours[w] / member.CapacityHoursPerWeek * 100;
                bars.Add(new Bar
                {
                    Position = w - groupWidth / 2 + barWidth * (m + 0.5),
                    Value = percent,
                    Size = barWidth * 0.92,
                    FillColor = color,
                    LineColor = Over,
                    LineWidth = percent > 100 ? 2.5f : 0,
                });
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = member.Name, FillColor = color });
        }
        if (bars.Count > 0)
            plot.Add.Bars(bars);
        var capacity = plot.Add.HorizontalLine(100, 2, Over, LinePattern.Dashed);
        capacity.ExcludeFromLegend = true;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.CapacityLabel, LineColor = Over, LineWidth = 2, LinePattern = LinePattern.Dashed });

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var w = 0; w < chart.Weeks.Count; w++)
            ticks.AddMajor(w, ScottPlotChartRenderer.DateLabel(chart.Weeks[w], culture));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        plot.YLabel(chart.ValueAxisLabel, 17);
        var top = bars.Count == 0 ? 100 : Math.Max(100, bars.Max(b => b.Value));
        plot.Axes.SetLimits(-0.6, Math.Max(0.6, chart.Weeks.Count - 0.4), 0, top * 1.12);
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }
}

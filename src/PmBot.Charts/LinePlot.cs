using System.Globalization;
using PmBot.Core.Charts;
using ScottPlot;

namespace PmBot.Charts;

/// <summary>Lines over dates (S-curves, burn-downs): one coloured line per series, reference series dashed, a today line.</summary>
internal static class LinePlot
{
    public const int Height = 650;

    private static readonly Color TodayLine = Color.FromHex("#F39C12");

    /// <summary>Series colours (no orange: that is the today line).</summary>
    private static readonly Color[] Palette = [.. new[] { "#1F77B4", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#17BECF", "#7F7F7F" }.Select(Color.FromHex)];

    public static Plot Build(LineChart chart, CultureInfo culture)
    {
        var plot = new Plot();
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var series = chart.Series[i];
            if (series.Points.Count == 0)
                continue;
            var xs = series.Points.Select(p => ScottPlotChartRenderer.X(p.Date)).ToArray();
            var ys = series.Points.Select(p => p.Value).ToArray();
            var line = plot.Add.Scatter(xs, ys, Palette[i % Palette.Length]);
            line.LegendText = series.Name;
            line.LineWidth = 3;
            line.MarkerSize = series.Points.Count <= 40 ? 6 : 0;
            if (series.Style == SeriesStyle.Dashed)
            {
                line.LinePattern = LinePattern.Dashed;
                line.MarkerSize = 0;
            }
        }
        if (chart.Today is { } today)
        {
            var line = plot.Add.VerticalLine(ScottPlotChartRenderer.X(today), 2, TodayLine, LinePattern.Dashed);
            line.LegendText = chart.TodayLabel ?? "";
            line.ExcludeFromLegend = string.IsNullOrEmpty(chart.TodayLabel);
        }
        ScottPlotChartRenderer.DateAxis(plot, culture);
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        if (chart.ValueAxisLabel is { Length: > 0 } label)
            plot.YLabel(label, 17);
        var values = chart.Series.SelectMany(s => s.Points).Select(p => p.Value).ToList();
        if (values.Count > 0 && values.Min() >= 0)
            plot.Axes.SetLimitsY(0, Math.Max(1, values.Max()) * 1.08);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }
}

using System.Globalization;
using PmBot.Core.Charts;
using ScottPlot;

namespace PmBot.Charts;

/// <summary>
/// A Gantt chart: rows top to bottom, planned bars (blue, red on the critical path) with the done part darker,
/// summary bars thin and dark, the baseline as a thin grey bar under its row, milestones as diamonds, today as a
/// dashed orange line.
/// </summary>
internal static class GanttPlot
{
    private const int RowHeight = 36;
    private const int Chrome = 210;
    private const int MaxLabelLength = 42;

    private static readonly Color Planned = Color.FromHex("#4A90D9");
    private static readonly Color PlannedDone = Color.FromHex("#1F4E8C");
    private static readonly Color Critical = Color.FromHex("#D64541");
    private static readonly Color CriticalDone = Color.FromHex("#8E1F1C");
    private static readonly Color Summary = Color.FromHex("#333333");
    private static readonly Color Baseline = Color.FromHex("#9E9E9E");
    private static readonly Color TodayLine = Color.FromHex("#F39C12");

    public static int Height(GanttChart chart) => Chrome + RowHeight * Math.Max(3, chart.Rows.Count);

    public static Plot Build(GanttChart chart, CultureInfo culture)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < chart.Rows.Count; i++)
        {
            var row = chart.Rows[i];
            ticks.AddMajor(i, Shorten(row.Label));
            var start = ScottPlotChartRenderer.X(row.Start);
            var end = ScottPlotChartRenderer.X(row.Finish.AddDays(1));
            if (row.BaselineStart is { } bs && row.BaselineFinish is { } bf)
            {
                if (row.Kind == GanttRowKind.Milestone)
                    plot.Add.Marker(ScottPlotChartRenderer.X(bf.AddDays(1)), i, MarkerShape.FilledDiamond, 11, Baseline);
                else
                    bars.Add(Bar(i + 0.38, ScottPlotChartRenderer.X(bs), ScottPlotChartRenderer.X(bf.AddDays(1)), 0.16, Baseline));
            }
            switch (row.Kind)
            {
                case GanttRowKind.Milestone:
                    plot.Add.Marker(end, i, MarkerShape.FilledDiamond, 18, row.IsCritical ? Critical : Summary);
                    break;
                case GanttRowKind.Summary:
                    bars.Add(Bar(i, start, end, 0.22, Summary));
                    break;
                default:
                    bars.Add(Bar(i, start, end, 0.6, row.IsCritical ? Critical : Planned));
                    if (row.PercentComplete > 0)
                    {
                        var done = start + (end - start) * Math.Clamp(row.PercentComplete, 0, 100) / 100.0;
                        bars.Add(Bar(i, start, done, 0.26, row.IsCritical ? CriticalDone : PlannedDone));
                    }
                    break;
            }
        }
        if (bars.Count > 0)
            plot.Add.Bars(bars);

        if (chart.Today is { } today)
        {
            var line = plot.Add.VerticalLine(ScottPlotChartRenderer.X(today), 2, TodayLine, LinePattern.Dashed);
            line.ExcludeFromLegend = true;
        }

        ScottPlotChartRenderer.DateAxis(plot, culture);
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = 17;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.IsVisible = false;
        FitDates(plot, chart);
        // Row 0 at the top.
        plot.Axes.SetLimitsY(chart.Rows.Count - 0.4, -0.6);

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.Legend.Planned, FillColor = Planned });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.Legend.Critical, FillColor = Critical });
        if (chart.Rows.Any(r => r.BaselineStart is not null))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.Legend.Baseline, FillColor = Baseline });
        if (chart.Rows.Any(r => r.Kind == GanttRowKind.Milestone))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.Legend.Milestone, MarkerShape = MarkerShape.FilledDiamond, MarkerSize = 12, MarkerColor = Summary });
        if (chart.Today is not null)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.Legend.Today, LineColor = TodayLine, LineWidth = 2, LinePattern = LinePattern.Dashed });
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }

    /// <summary>The dates of every bar, marker and the today line, with a day of room each side.</summary>
    private static void FitDates(Plot plot, GanttChart chart)
    {
        var dates = chart.Rows.SelectMany(r => new DateOnly?[] { r.Start, r.Finish.AddDays(1), r.BaselineStart, r.BaselineFinish?.AddDays(1) })
            .Append(chart.Today).OfType<DateOnly>().ToList();
        if (dates.Count == 0)
            return;
        var first = dates.Min();
        var last = dates.Max();
        var room = Math.Max(1, (last.DayNumber - first.DayNumber) / 40);
        plot.Axes.SetLimitsX(ScottPlotChartRenderer.X(first.AddDays(-room)), ScottPlotChartRenderer.X(last.AddDays(room)));
    }

    private static Bar Bar(double position, double from, double to, double size, Color color) => new()
    {
        Position = position,
        ValueBase = from,
        Value = Math.Max(to, from),
        Size = size,
        FillColor = color,
        LineWidth = 0,
        Orientation = Orientation.Horizontal,
    };

    private static string Shorten(string label) =>
        label.Length <= MaxLabelLength ? label : label[..(MaxLabelLength - 1)].TrimEnd() + "…";
}

using System.Globalization;
using PmBot.Core.Charts;
using PmBot.Core.Ports;
using ScottPlot;

namespace PmBot.Charts;

/// <summary>Draws PmBot's chart models with ScottPlot (SkiaSharp underneath) as PNG images sized for a chat.</summary>
public sealed class ScottPlotChartRenderer : IChartRenderer
{
    public const int Width = 1200;
    private const float LegendFontSize = 16;

    public byte[] RenderPng(ChartModel chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var culture = Culture(chart.Culture);
        var (plot, height) = chart switch
        {
            GanttChart gantt => (GanttPlot.Build(gantt, culture), GanttPlot.Height(gantt)),
            LineChart line => (LinePlot.Build(line, culture), LinePlot.Height),
            WorkloadChart workload => (WorkloadPlot.Build(workload, culture), WorkloadPlot.Height),
            _ => throw new NotSupportedException($"No renderer for {chart.GetType().Name}."),
        };
        using (plot)
        {
            plot.Title(chart.Title, 24);
            UseFont(plot, ChartFonts.FamilyFor(Texts(chart), chart.Culture));
            return plot.GetImageBytes(Width, height, ImageFormat.Png);
        }
    }

    /// <summary>
    /// Draws every text of the plot in <paramref name="family"/>. (ScottPlot's <c>plot.Font.Set</c> also changes its
    /// process-wide default font, which would leak one chart's font into the next.)
    /// </summary>
    private static void UseFont(Plot plot, string family)
    {
        plot.Axes.Title.Label.FontName = family;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = family;
            axis.TickLabelStyle.FontName = family;
        }
        plot.Legend.FontName = family;
        plot.Legend.FontSize = LegendFontSize;
        var offset = ChartFonts.LegendLabelOffset(family, LegendFontSize);
        foreach (var item in plot.Legend.ManualItems)
        {
            item.LabelFontName = family;
            item.LabelFontSize = LegendFontSize;
            item.LabelOffsetY = offset;
        }
    }

    /// <summary>Every text the chart shows (for the font choice).</summary>
    private static IEnumerable<string> Texts(ChartModel chart)
    {
        yield return chart.Title;
        switch (chart)
        {
            case GanttChart g:
                foreach (var row in g.Rows)
                    yield return row.Label;
                yield return g.Legend.Planned;
                yield return g.Legend.Critical;
                yield return g.Legend.Baseline;
                yield return g.Legend.Milestone;
                yield return g.Legend.Today;
                break;
            case LineChart l:
                foreach (var s in l.Series)
                    yield return s.Name;
                yield return l.ValueAxisLabel ?? "";
                yield return l.TodayLabel ?? "";
                break;
            case WorkloadChart w:
                foreach (var m in w.Members)
                    yield return m.Name;
                yield return w.ValueAxisLabel;
                yield return w.CapacityLabel;
                break;
        }
        // Dates on the axes are written in the chart's culture (e.g. 11月24日).
        yield return DateLabel(new DateOnly(2026, 11, 24), Culture(chart.Culture));
    }

    private static CultureInfo Culture(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    /// <summary>A short date for an axis tick: "Nov 24" in English, "11月24日" in Chinese.</summary>
    internal static string DateLabel(DateOnly date, CultureInfo culture) =>
        date.ToString(culture.TwoLetterISOLanguageName == "zh" ? "M月d日" : "MMM d", culture);

    internal static double X(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    /// <summary>Dates on the bottom axis, each tick written with <see cref="DateLabel"/>.</summary>
    internal static void DateAxis(Plot plot, CultureInfo culture)
    {
        plot.Axes.DateTimeTicksBottom();
        if (plot.Axes.Bottom.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            ticks.LabelFormatter = d => DateLabel(DateOnly.FromDateTime(d), culture);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
    }
}

using PmBot.Core.Charts;
using PmBot.Core.Features.Plan;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Digest.Sections;

/// <summary>
/// One chart: the earned value S-curve (PV to the baseline finish, EV and AC to today) when the project has a baseline,
/// else the Gantt chart of its schedule. Drawn and published only when the digest is built with a chart renderer and a
/// file publisher (<see cref="ProjectData.Charts"/>, <see cref="ProjectData.Files"/>); left out otherwise, and when
/// drawing or publishing it fails.
/// </summary>
public sealed class ChartSection : IDigestSection
{
    public async Task<DigestPart> BuildAsync(ProjectData data, Localizer t, CancellationToken cancellationToken)
    {
        if (data.Charts is not { } charts || data.Files is not { } files)
            return DigestPart.None;
        var chart = await ChartOfAsync(data, t, cancellationToken);
        if (chart is null)
            return DigestPart.None;
        var kind = chart is GanttChart ? "gantt" : "evm";
        try
        {
            var png = charts.RenderPng(chart);
            var published = await files.PublishAsync(new FileContent($"{data.Project.Key}-digest-{kind}-{data.Today:yyyy-MM-dd}.png", "image/png", png), cancellationToken);
            return Render(published, chart.Title, t);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The picture is the one optional part: a digest without it is better than no digest.
            return DigestPart.None;
        }
    }

    /// <summary>The published chart under its title, and how long its link works.</summary>
    public static DigestPart Render(PublishedFile published, string title, Localizer t) => new(
    [
        new ImageBlock(published.Url, title, title),
        new ContextBlock(t["chart.link_expires", t.Date(DateOnly.FromDateTime(published.ExpiresAt.UtcDateTime))]),
    ]);

    /// <summary>The S-curve with a baseline, the Gantt chart without; null when there is nothing to draw.</summary>
    public static async Task<ChartModel?> ChartOfAsync(ProjectData data, Localizer t, CancellationToken cancellationToken)
    {
        var project = data.Project;
        var baseline = await data.BaselineAsync(cancellationToken);
        if (baseline is not null && await data.EvmAsync(cancellationToken) is { Problem: EvmProblem.None } evm)
            return SCurve(evm.WeeklySeries(data.Today, planThroughFinish: true), project.Key, project.Name, data.Today, t);
        if (await data.ScheduleAsync(cancellationToken) is not { } schedule)
            return null;
        var wbs = await data.WbsAsync(cancellationToken);
        var baselined = baseline?.Items.ToDictionary(i => i.WorkItemId) ?? [];
        return new GanttChart
        {
            Title = t["chart.gantt_title", project.Key, project.Name],
            Culture = t.Locale,
            Rows = ShowGantt.Rows(wbs, schedule, baselined).Take(ShowGantt.MaxRows).ToList(),
            Today = data.Today,
            Legend = new GanttLegend(t["chart.legend_planned"], t["chart.legend_critical"], t["chart.legend_baseline"], t["chart.legend_milestone"], t["chart.legend_today"]),
        };
    }

    /// <summary>PV, EV and AC as three lines (EV and AC only up to the status date).</summary>
    public static LineChart SCurve(IReadOnlyList<EvPoint> points, string key, string name, DateOnly today, Localizer t) => new()
    {
        Title = t["digest.chart.evm_title", key, name],
        Culture = t.Locale,
        ValueAxisLabel = t["digest.chart.evm_axis"],
        Today = today,
        TodayLabel = t["chart.legend_today"],
        Series =
        [
            new ChartSeries(t["evm.pv"], points.Select(p => new ChartPoint(p.Date, (double)p.Pv)).ToList(), SeriesStyle.Dashed),
            new ChartSeries(t["evm.ev"], points.Where(p => p.Ev is not null).Select(p => new ChartPoint(p.Date, (double)p.Ev!.Value)).ToList()),
            new ChartSeries(t["evm.ac"], points.Where(p => p.Ac is not null).Select(p => new ChartPoint(p.Date, (double)p.Ac!.Value)).ToList()),
        ],
    };
}

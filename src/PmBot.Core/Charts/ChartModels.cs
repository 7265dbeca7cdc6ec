namespace PmBot.Core.Charts;

/// <summary>
/// A chart to draw, channel- and library-neutral: what it shows, in the member's language, not how it is drawn.
/// <see cref="Ports.IChartRenderer"/> turns it into a PNG.
/// </summary>
public abstract record ChartModel
{
    public required string Title { get; init; }

    /// <summary>The culture (e.g. <c>en</c>, <c>zh-CN</c>) that dates and numbers on the axes are written in.</summary>
    public string Culture { get; init; } = "en";
}

/// <summary>
/// A Gantt chart: one row per work item, top to bottom, with its planned bar (red when on the critical path), its
/// baselined bar under it when there is one, milestones as diamonds, and a vertical line at <see cref="Today"/>.
/// </summary>
public sealed record GanttChart : ChartModel
{
    public required IReadOnlyList<GanttRow> Rows { get; init; }

    /// <summary>Where the "today" line is drawn; none when null.</summary>
    public DateOnly? Today { get; init; }

    public required GanttLegend Legend { get; init; }
}

public enum GanttRowKind
{
    Task,

    /// <summary>A parent item: a thin bar over its children's span.</summary>
    Summary,

    /// <summary>Zero duration: a diamond at the end of its day.</summary>
    Milestone,
}

/// <summary>
/// One row. Dates are inclusive working days (a bar runs from the start of <see cref="Start"/> to the end of
/// <see cref="Finish"/>).
/// </summary>
public sealed record GanttRow(string Label, DateOnly Start, DateOnly Finish, GanttRowKind Kind = GanttRowKind.Task)
{
    public bool IsCritical { get; init; }

    /// <summary>0-100: drawn as a darker part of the bar from its start.</summary>
    public int PercentComplete { get; init; }

    public DateOnly? BaselineStart { get; init; }
    public DateOnly? BaselineFinish { get; init; }
}

/// <summary>The legend's words, in the member's language.</summary>
public sealed record GanttLegend(string Planned, string Critical, string Baseline, string Milestone, string Today);

/// <summary>
/// Lines over dates: an earned value S-curve (PV, EV, AC), a burn-down (actual against ideal), and the like.
/// </summary>
public sealed record LineChart : ChartModel
{
    public required IReadOnlyList<ChartSeries> Series { get; init; }

    /// <summary>What the vertical axis counts (e.g. "Working days remaining").</summary>
    public string? ValueAxisLabel { get; init; }

    public DateOnly? Today { get; init; }

    /// <summary>The label of the today line in the legend.</summary>
    public string? TodayLabel { get; init; }
}

public enum SeriesStyle
{
    Solid,

    /// <summary>A reference line (an ideal or a plan), drawn dashed.</summary>
    Dashed,
}

public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, SeriesStyle Style = SeriesStyle.Solid);

public sealed record ChartPoint(DateOnly Date, double Value);

/// <summary>
/// Workload per member per week as a share of capacity: grouped bars (one per member in each week) and a line at
/// 100% of capacity; bars above it are over-allocation.
/// </summary>
public sealed record WorkloadChart : ChartModel
{
    /// <summary>The first day of each week, in order.</summary>
    public required IReadOnlyList<DateOnly> Weeks { get; init; }

    public required IReadOnlyList<WorkloadMember> Members { get; init; }

    /// <summary>The vertical axis label (e.g. "% of capacity").</summary>
    public required string ValueAxisLabel { get; init; }

    /// <summary>The label of the 100% line.</summary>
    public required string CapacityLabel { get; init; }
}

/// <param name="Name">The member's display name.</param>
/// <param name="CapacityHoursPerWeek">Hours the member can give a week (the 100% line); a member without capacity (0) is not drawn.</param>
/// <param name="Hours">Hours allocated in each of <see cref="WorkloadChart.Weeks"/>, in the same order.</param>
public sealed record WorkloadMember(string Name, double CapacityHoursPerWeek, IReadOnlyList<double> Hours);

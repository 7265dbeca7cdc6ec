using PmBot.Core.Charts;

namespace PmBot.Charts.Tests;

/// <summary>Small charts of each kind, in English and Chinese.</summary>
internal static class SampleCharts
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    public static GanttChart Gantt(string title = "APOLLO schedule", string design = "Design") => new()
    {
        Title = title,
        Today = Monday.AddDays(9),
        Legend = new GanttLegend("Planned", "Critical", "Baseline", "Milestone", "Today"),
        Rows =
        [
            new GanttRow("1 Build", Monday, Monday.AddDays(18), GanttRowKind.Summary),
            new GanttRow("1.1 " + design, Monday, Monday.AddDays(4)) { IsCritical = true, PercentComplete = 100, BaselineStart = Monday, BaselineFinish = Monday.AddDays(3) },
            new GanttRow("1.2 Backend", Monday.AddDays(7), Monday.AddDays(18)) { IsCritical = true, PercentComplete = 40, BaselineStart = Monday.AddDays(4), BaselineFinish = Monday.AddDays(15) },
            new GanttRow("1.3 Docs", Monday.AddDays(7), Monday.AddDays(9)) { PercentComplete = 0 },
            new GanttRow("2 Launch", Monday.AddDays(18), Monday.AddDays(18), GanttRowKind.Milestone) { IsCritical = true },
        ],
    };

    public static GanttChart ChineseGantt() => Gantt("APOLLO 进度计划", "设计") with
    {
        Culture = "zh-CN",
        Legend = new GanttLegend("计划", "关键路径", "基线", "里程碑", "今天"),
    };

    public static LineChart BurnDown() => new()
    {
        Title = "APOLLO burn-down",
        ValueAxisLabel = "Working days of work remaining",
        Today = Monday.AddDays(9),
        TodayLabel = "Today",
        Series =
        [
            new ChartSeries("Remaining", [new(Monday, 20), new(Monday.AddDays(3), 17), new(Monday.AddDays(7), 14), new(Monday.AddDays(9), 12)]),
            new ChartSeries("Ideal", [new(Monday, 20), new(Monday.AddDays(25), 0)], SeriesStyle.Dashed),
        ],
    };

    public static WorkloadChart Workload() => new()
    {
        Title = "Workload",
        ValueAxisLabel = "% of capacity",
        CapacityLabel = "Capacity",
        Weeks = [Monday, Monday.AddDays(7), Monday.AddDays(14)],
        Members =
        [
            new WorkloadMember("Alice", 40, [30, 48, 20]),
            new WorkloadMember("魏", 32, [32, 16, 40]),
        ],
    };
}

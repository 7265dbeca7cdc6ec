using PmBot.Core.Features.Digest.Sections;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Features.Digest.Sections;

public class BudgetSectionTests
{
    private static BudgetLineStatus Line(string category, decimal planned, decimal actual, decimal forecast, bool alert, bool budgeted = true) =>
        new(category, planned, actual, planned > 0 ? actual * 100 / planned : null, actual / 4, forecast, 90, alert, budgeted);

    [Fact]
    public void Render_CategoriesOverThreshold_ListedWithTheirFigures()
    {
        var report = new BudgetReport(new DateOnly(2026, 11, 24),
            [
                Line("labour", 10_000, 4_000, 9_000, alert: false),
                Line("hardware", 5_000, 4_750, 5_200, alert: true),
                Line("travel", 1_000, 300, 1_400, alert: false),
                Line("software", 0, 250, 250, alert: true, budgeted: false),
            ],
            Line("total", 16_000, 9_300, 15_850, alert: false));

        var part = BudgetSection.Render(report, Localizer.English);

        var text = Assert.IsType<TextBlock>(Assert.Single(part.Blocks)).Markdown;
        Assert.StartsWith("*Budget burn* — 58% consumed (9,300 of 16,000), burning 2,325 a week, forecast 15,850", text, StringComparison.Ordinal);
        Assert.Contains("- ⚠️ hardware: 95% of 5,000 consumed (alert at 90%)", text, StringComparison.Ordinal);
        Assert.Contains("- ⚠️ travel: forecast 1,400 over its 1,000", text, StringComparison.Ordinal);
        Assert.Contains("- ⚠️ software: 250 spent without a budget line", text, StringComparison.Ordinal);
        Assert.DoesNotContain("labour", text, StringComparison.Ordinal);
        Assert.Equal("3 budget alerts", part.Headline);
    }

    [Fact]
    public void Render_WithinBudget_NoAlertNoHeadline()
    {
        var line = Line("labour", 10_000, 2_000, 9_000, alert: false);
        var part = BudgetSection.Render(new BudgetReport(new DateOnly(2026, 11, 24), [line], line), Localizer.Chinese);

        var text = Assert.IsType<TextBlock>(Assert.Single(part.Blocks)).Markdown;
        Assert.StartsWith("*预算消耗* — 已消耗 20%（10,000 中的 2,000）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("⚠️", text, StringComparison.Ordinal);
        Assert.Null(part.Headline);
    }
}

using System.Globalization;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Digest.Sections;

/// <summary>
/// Budget burn: the share of the budget consumed, the weekly burn rate and the forecast, and the categories at or over
/// their alert threshold (or heading over their line). Left out when the project has no budget.
/// </summary>
public sealed class BudgetSection : IDigestSection
{
    public const int MaxLines = 10;

    public async Task<DigestPart> BuildAsync(ProjectData data, Localizer t, CancellationToken cancellationToken) =>
        await data.BudgetAsync(cancellationToken) is { } budget ? Render(budget.Report, t) : DigestPart.None;

    public static DigestPart Render(BudgetReport report, Localizer t)
    {
        var total = report.Total;
        var lines = new List<string>
        {
            t["digest.budget.title"] + " — " + t["digest.budget.summary", Percent(total.PercentConsumed, t), Money(total.Actual), Money(total.Planned),
                Money(total.BurnRatePerWeek), Money(total.Forecast)],
        };
        var alerts = report.Alerts.ToList();
        foreach (var line in alerts.Take(MaxLines))
        {
            var why = !line.Budgeted ? t["digest.budget.unbudgeted", Money(line.Actual)]
                : line.Alert ? t["digest.budget.alert", Percent(line.PercentConsumed, t), Money(line.Planned), line.AlertPercent.ToString("0", CultureInfo.InvariantCulture)]
                : t["digest.budget.overrun", Money(line.Forecast), Money(line.Planned)];
            lines.Add($"- ⚠️ {line.Category}: {why}");
        }
        if (alerts.Count > MaxLines)
            lines.Add("- " + t["digest.more", alerts.Count - MaxLines]);
        return new DigestPart([new TextBlock(string.Join('\n', lines))], alerts.Count == 0 ? null : t["digest.budget.headline", alerts.Count]);
    }

    private static string Money(decimal amount) => amount.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Percent(decimal? percent, Localizer t) => percent is { } p ? p.ToString("0", CultureInfo.InvariantCulture) + "%" : t["common.none"];
}

using System.Globalization;
using PmBot.Core.Features.Plan;
using PmBot.Core.Features.Status;
using PmBot.Core.Localization;
using PmBot.Core.Messages;

namespace PmBot.Core.Features.Digest.Sections;

/// <summary>SPI and CPI today and <see cref="EarnedValueSection.TrendDays"/> days ago (null: not defined then, e.g. nothing planned or spent yet).</summary>
public sealed record EvmFigures(decimal? Spi, decimal? Cpi, decimal? SpiBefore, decimal? CpiBefore, decimal? PercentComplete);

/// <summary>
/// Earned value against the current baseline (<see cref="EvmData.At"/> today and a week ago): SPI and CPI with their
/// trend. Left out without a baseline or tasks.
/// </summary>
public sealed class EarnedValueSection : IDigestSection
{
    public const int TrendDays = 7;

    public async Task<DigestPart> BuildAsync(ProjectData data, Localizer t, CancellationToken cancellationToken) =>
        await data.EvmFiguresAsync(cancellationToken) is { } figures ? Render(figures, t) : DigestPart.None;

    public static EvmFigures Compute(EvmData evm, DateOnly today)
    {
        var now = evm.ProjectAt(today);
        var before = evm.ProjectAt(today.AddDays(-TrendDays)).Report.Project;
        return new EvmFigures(now.Report.Project.Spi, now.Report.Project.Cpi, before.Spi, before.Cpi, now.Reading.PercentComplete);
    }

    public static DigestPart Render(EvmFigures f, Localizer t)
    {
        var text = t["digest.evm.title"] + " — "
            + t["digest.evm.line", "SPI", Index(f.Spi, t), Trend(f.Spi, f.SpiBefore, t)] + " · "
            + t["digest.evm.line", "CPI", Index(f.Cpi, t), Trend(f.Cpi, f.CpiBefore, t)];
        if (f.PercentComplete is { } percent)
            text += " · " + t["digest.evm.complete", percent.ToString("0", CultureInfo.InvariantCulture)];
        var behind = f.Spi < (decimal)RagRules.ScheduleAmberSpi;
        var over = f.Cpi < (decimal)RagRules.CostAmberCpi;
        var headline = behind || over ? t["digest.evm.headline", Index(f.Spi, t), Index(f.Cpi, t)] : null;
        return new DigestPart([new TextBlock(text), new ContextBlock(t["digest.evm.hint", TrendDays])], headline);
    }

    private static string Index(decimal? value, Localizer t) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? t["common.none"];

    /// <summary>"↑ from 0.91", "↓ from 1.05", "= 7 days ago", or nothing to compare with.</summary>
    private static string Trend(decimal? now, decimal? before, Localizer t)
    {
        if (now is not { } a || before is not { } b)
            return t["digest.evm.no_trend", TrendDays];
        var change = Math.Round(a, 2) - Math.Round(b, 2);
        return change switch
        {
            > 0 => t["digest.evm.up", Index(b, t), TrendDays],
            < 0 => t["digest.evm.down", Index(b, t), TrendDays],
            _ => t["digest.evm.same", TrendDays],
        };
    }
}

using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Digest.Sections;

/// <summary>A milestone due soon: its target date, its forecast (as in <c>plan milestones</c>) and the slip in working days (positive: late).</summary>
public sealed record MilestoneLine(string Id, string Name, DateOnly? Target, DateOnly? Forecast, int? SlipDays)
{
    public bool Late => SlipDays > 0;
}

/// <summary>
/// Milestones (and zero-day tasks) not done whose target or forecast falls within the next <see cref="Days"/> days,
/// forecast against target, ⚠ when the forecast is after the target. Left out when none is that close.
/// </summary>
public sealed class MilestonesSection : IDigestSection
{
    public const int Days = 7;
    public const int MaxLines = 15;

    public async Task<DigestPart> BuildAsync(ProjectData data, Localizer t, CancellationToken cancellationToken)
    {
        // The forecast is another pass over every task: only worth it when there are milestones to forecast.
        var wbs = await data.WbsAsync(cancellationToken);
        if (!wbs.Items.Any(i => ListMilestones.IsMilestone(wbs, i)) || await data.ForecastAsync(cancellationToken) is not { } schedule)
            return DigestPart.None;
        return Render(Compute(wbs, schedule, data.Today), t);
    }

    public static IReadOnlyList<MilestoneLine> Compute(Wbs wbs, ScheduleResult schedule, DateOnly today)
    {
        var calendar = schedule.Calendar;
        var until = today.AddDays(Days);
        bool Soon(DateOnly? date) => date is { } d && d >= today && d <= until;
        var lines = new List<MilestoneLine>();
        foreach (var item in wbs.InOutlineOrder)
        {
            if (item.Status == WorkItemStatus.Done || !ListMilestones.IsMilestone(wbs, item))
                continue;
            var id = wbs.ShortId(item);
            var forecast = ListMilestones.Forecast(schedule, id);
            if (!Soon(item.TargetDate) && !Soon(forecast))
                continue;
            var slip = item.TargetDate is { } target && forecast is { } f ? calendar.WorkingDaysBetween(target, f) : (int?)null;
            lines.Add(new MilestoneLine(id, item.Name, item.TargetDate, forecast, slip));
        }
        return lines.OrderBy(l => l.Target ?? l.Forecast).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
    }

    public static DigestPart Render(IReadOnlyList<MilestoneLine> milestones, Localizer t)
    {
        if (milestones.Count == 0)
            return DigestPart.None;
        var late = milestones.Count(m => m.Late);
        var lines = new List<string> { t["digest.milestones.title"] + " — " + t["digest.milestones.summary", milestones.Count, Days, late] };
        foreach (var m in milestones.Take(MaxLines))
        {
            var slip = m.Late ? "⚠️ " : "";
            var detail = m.Late ? " · " + t["digest.milestones.late", m.SlipDays!.Value] : "";
            lines.Add($"- {slip}*{m.Id}* {DigestText.Quote(m.Name, 80)} · {t["digest.milestones.dates", t.Date(m.Target), t.Date(m.Forecast)]}{detail}");
        }
        if (milestones.Count > MaxLines)
            lines.Add("- " + t["digest.more", milestones.Count - MaxLines]);
        return new DigestPart([new TextBlock(string.Join('\n', lines))], late == 0 ? null : t["digest.milestones.headline", late]);
    }
}

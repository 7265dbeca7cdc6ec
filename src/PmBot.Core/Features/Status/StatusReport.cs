using System.Globalization;
using PmBot.Core.Domain;
using PmBot.Core.Features.Digest;
using PmBot.Core.Features.Digest.Sections;
using PmBot.Core.Features.Plan;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Planning;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Status;

/// <summary>The figures a status summary is rated and explained by.</summary>
public sealed record StatusFigures
{
    public required DateOnly Today { get; init; }

    /// <summary>The schedule's forecast finish; null when nothing can be scheduled.</summary>
    public DateOnly? Forecast { get; init; }

    /// <summary>What the forecast is measured against: the current baseline's finish, else the planned finish.</summary>
    public DateOnly? Target { get; init; }

    /// <summary>The current baseline's number, when there is one.</summary>
    public int? Baseline { get; init; }

    /// <summary>Working days from <see cref="Target"/> to <see cref="Forecast"/> (negative: early).</summary>
    public int? SlipDays { get; init; }

    /// <summary>Open tasks whose scheduled finish is before today.</summary>
    public int LateTasks { get; init; }

    public int OpenTasks { get; init; }

    /// <summary>Tasks not in the current baseline, their working days, and the baseline's working days.</summary>
    public int AddedTasks { get; init; }

    public int AddedDays { get; init; }
    public int BaselineDays { get; init; }
    public int BaselineTasks { get; init; }

    public int OpenBlockers { get; init; }
    public int OldestBlockerDays { get; init; }

    public PulseFigures? Pulse { get; init; }

    /// <summary>The cost performance index against the current baseline (null: no baseline or no cost yet; cost is then rated by the budget only).</summary>
    public double? Cpi { get; init; }

    /// <summary>The schedule performance index against the current baseline (null: nothing planned yet or no baseline).</summary>
    public double? Spi { get; init; }

    /// <summary>The share of the budget consumed in percent (null: no budget).</summary>
    public decimal? BudgetConsumed { get; init; }

    /// <summary>Budget categories at or over their alert threshold or heading over their line.</summary>
    public IReadOnlyList<string> BudgetAlerts { get; init; } = [];

    /// <summary>Added work as a share of the baseline's (by working days; by tasks when the baseline has only milestones).</summary>
    public double? AddedShare => Baseline is null ? null
        : BaselineDays > 0 ? (double)AddedDays / BaselineDays
        : (double)AddedTasks / Math.Max(1, BaselineTasks);

    public Rag Schedule => RagRules.Schedule(Forecast is not null, SlipDays, LateTasks, OpenTasks, Spi);
    public Rag Cost => RagRules.Cost(Cpi, BudgetAlerts.Count);
    public Rag Scope => RagRules.Scope(AddedShare);
    public Rag Quality => RagRules.Quality();
    public Rag Risks => RagRules.Risks(OpenBlockers, OldestBlockerDays);
    public Rag Overall => RagRules.Overall([Schedule, Cost, Scope, Quality, Risks]);
}

/// <summary><c>status</c>'s figures from a project's data, and the summary: a RAG per dimension and a paragraph of reasons.</summary>
public static class StatusReport
{
    public static StatusFigures Compute(
        Project project, Wbs wbs, ScheduleResult? schedule, CurrentBaseline? baseline, IEnumerable<Blocker> blockers,
        PulseFigures? pulse, DateOnly today, DateTimeOffset now, EvMetrics? evm = null, BudgetReport? budget = null, ScheduleResult? forecast = null)
    {
        // Slips in working days on the calendar the plan is laid on (holidays are not days late).
        var calendar = (forecast ?? schedule)?.Calendar ?? WorkCalendar.Standard;
        var tasks = wbs.Items.Where(i => !wbs.HasChildren(i)).ToList();
        var open = tasks.Where(i => i.Status != WorkItemStatus.Done).ToList();
        var late = schedule is null ? 0 : open.Count(i => schedule.Find(wbs.ShortId(i)) is { } dates && dates.EarlyFinish < today);
        var target = baseline is { Items.Count: > 0 } ? baseline.Finish : project.PlannedFinish;
        // Late tasks against the plan; the finish as forecast from the progress reported (the plan's when not given).
        var forecastFinish = (forecast ?? schedule)?.ProjectFinish;
        var inBaseline = baseline?.Items.Select(i => i.WorkItemId).ToHashSet() ?? [];
        var added = baseline is null ? [] : tasks.Where(i => !inBaseline.Contains(i.Id)).ToList();
        var openBlockers = blockers.Where(b => b.Status == BlockerStatus.Open).ToList();
        return new StatusFigures
        {
            Today = today,
            Forecast = forecastFinish,
            Target = target,
            Baseline = baseline is { Items.Count: > 0 } ? baseline.Baseline.Number : null,
            SlipDays = forecastFinish is { } f && target is { } t ? calendar.WorkingDaysBetween(t, f) : null,
            LateTasks = late,
            OpenTasks = open.Count,
            AddedTasks = added.Count,
            AddedDays = added.Sum(i => i.DurationDays),
            BaselineDays = baseline?.Items.Sum(i => i.DurationDays) ?? 0,
            BaselineTasks = baseline?.Items.Count ?? 0,
            OpenBlockers = openBlockers.Count,
            OldestBlockerDays = openBlockers.Count == 0 ? 0 : openBlockers.Max(b => Math.Max(0, (int)(now - b.OpenedAt).TotalDays)),
            Pulse = pulse,
            Cpi = evm?.Cpi is { } cpi ? (double)cpi : null,
            Spi = evm?.Spi is { } spi ? (double)spi : null,
            BudgetConsumed = budget?.Total.PercentConsumed,
            BudgetAlerts = budget?.Alerts.Select(l => l.Category).ToList() ?? [],
        };
    }

    public static OutboundMessage Render(StatusFigures figures, Project project, Localizer t)
    {
        var title = t["status.title", project.Key, project.Name, t.Date(figures.Today)];
        return new MessageBuilder()
            .Heading(title)
            .Fields(
                new Field(t["status.overall"], Rated(figures.Overall, "overall", t)),
                new Field(t["status.schedule"], Rated(figures.Schedule, "schedule", t)),
                new Field(t["status.cost"], Rated(figures.Cost, "cost", t)),
                new Field(t["status.scope"], Rated(figures.Scope, "scope", t)),
                new Field(t["status.quality"], Rated(figures.Quality, "quality", t)),
                new Field(t["status.risks"], Rated(figures.Risks, "risks", t)))
            .Text(Explain(figures, project, t))
            .Context(t["status.rules", RagRules.ScheduleRedSlipDays, Percent(RagRules.ScheduleRedLateShare, t), Percent(RagRules.ScopeAmberShare, t),
                Percent(RagRules.ScopeRedShare, t), RagRules.RisksRedOpenBlockers, RagRules.RisksRedBlockerAgeDays])
            .Context(t["status.rules_evm", Index(RagRules.ScheduleAmberSpi), Index(RagRules.ScheduleRedSpi), Index(RagRules.CostAmberCpi), Index(RagRules.CostRedCpi)])
            .Actions(new ActionButton(t["button.schedule"], $"plan schedule project {project.Key}"))
            .Fallback(title + ": " + Rated(figures.Overall, "overall", t))
            .Build();
    }

    /// <summary>One sentence per figure that is known, each stating the figure.</summary>
    public static string Explain(StatusFigures f, Project project, Localizer t)
    {
        var sentences = new List<string>();
        if (f.Forecast is not { } forecast)
            sentences.Add(t["status.why.no_schedule", project.Key]);
        else if (f.Target is not { } target)
            sentences.Add(t["status.why.no_target", t.Date(forecast)]);
        else
        {
            var against = f.Baseline is { } number ? t["status.target.baseline", number] : t["status.target.planned"];
            var slip = f.SlipDays!.Value;
            sentences.Add(slip switch
            {
                > 0 => t["status.why.slip_late", t.Date(forecast), slip, against, t.Date(target)],
                < 0 => t["status.why.slip_early", t.Date(forecast), -slip, against, t.Date(target)],
                _ => t["status.why.slip_none", t.Date(forecast), against, t.Date(target)],
            });
        }
        if (f.Forecast is not null)
            sentences.Add(f.LateTasks > 0 ? t["status.why.late", f.LateTasks, f.OpenTasks] : t["status.why.none_late", f.OpenTasks]);
        if (f.Baseline is { } baseline)
            sentences.Add(f.AddedTasks > 0
                ? t["status.why.added", f.AddedTasks, f.AddedDays, baseline, Percent(f.AddedShare!.Value, t), f.BaselineDays]
                : t["status.why.none_added", baseline]);
        else
            sentences.Add(t["status.why.no_baseline"]);
        if (f.Spi is { } spi)
            sentences.Add(t[spi < RagRules.ScheduleAmberSpi ? "status.why.spi_behind" : "status.why.spi_ok", Index(spi)]);
        if (f.Cpi is { } cpi)
            sentences.Add(t[cpi < RagRules.CostAmberCpi ? "status.why.cpi_over" : "status.why.cpi_ok", Index(cpi)]);
        else
            sentences.Add(t["status.why.no_cpi"]);
        if (f.BudgetConsumed is { } consumed)
            sentences.Add(f.BudgetAlerts.Count > 0
                ? t["status.why.budget_alerts", consumed.ToString("0", CultureInfo.InvariantCulture), DigestText.Names(f.BudgetAlerts, t)]
                : t["status.why.budget_ok", consumed.ToString("0", CultureInfo.InvariantCulture)]);
        sentences.Add(f.OpenBlockers > 0 ? t["status.why.blockers", f.OpenBlockers, f.OldestBlockerDays] : t["status.why.no_blockers"]);
        if (f.Pulse is { Average: { } average } pulse)
            sentences.Add(t["status.why.pulse", average.ToString("0.0", t.Culture), pulse.Scored, pulse.LowCount, PulseFigures.LowScore]);
        return string.Join(t["status.sentence_separator"], sentences);
    }

    private static string Rated(Rag rag, string dimension, Localizer t) => rag switch
    {
        Rag.Green => "🟢 " + t["status.rag.green"],
        Rag.Amber => "🟠 " + t["status.rag.amber"],
        Rag.Red => "🔴 " + t["status.rag.red"],
        _ => "⚪ " + t[dimension == "cost" ? "status.unknown.cost_evm" : "status.unknown." + dimension],
    };

    private static string Index(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Percent(double share, Localizer t) => share.ToString("0%", t.Culture);
}

namespace PmBot.Core.Planning;

/// <summary>Why an item is pulling the schedule (flags).</summary>
[Flags]
public enum SlipReason
{
    None = 0,

    /// <summary>Not started although its baseline start has passed, or now forecast to start after its baseline start.</summary>
    LateStart = 1,

    /// <summary>Earned less than planned by the status date (EV &lt; PV).</summary>
    BehindPlan = 2,

    /// <summary>The estimate of remaining working days exceeds the working days its baseline has left after the status date.</summary>
    UnderEstimated = 4,
}

public enum CorrectiveActionCode
{
    /// <summary>Move the work to other people or resources (poor cost efficiency on the item).</summary>
    Reassign,

    /// <summary>Overlap critical work that has not started with its predecessors (turn finish-to-start into partial overlap).</summary>
    FastTrack,

    /// <summary>Add resources to critical work in progress to shorten it, at extra cost.</summary>
    Crash,

    /// <summary>Cut or defer scope of work not yet started, when the forecast overrun is too large to absorb.</summary>
    Rescope,
}

/// <summary>A critical item that explains the slip; <paramref name="ScheduleVariance"/> is its SV (EV - PV).</summary>
public sealed record SlipCause(string Id, SlipReason Reasons, int TotalFloat, decimal ScheduleVariance);

public sealed record CostOverrun(string Id, decimal CostVariance, decimal? Cpi);

public sealed record CorrectiveAction(CorrectiveActionCode Code, IReadOnlyList<string> ItemIds);

public sealed record DeviationReport(
    IReadOnlyList<SlipCause> SlipCauses,
    IReadOnlyList<CostOverrun> CostOverruns,
    IReadOnlyList<CorrectiveAction> Actions);

/// <summary>Thresholds for <see cref="DeviationAnalysis"/>.</summary>
public sealed record DeviationOptions
{
    /// <summary>At most this many cost overruns are listed (largest first).</summary>
    public int MaxCostOverruns { get; init; } = 5;

    /// <summary>Items over budget with a CPI below this are suggested for <see cref="CorrectiveActionCode.Reassign"/>.</summary>
    public decimal ReassignBelowCpi { get; init; } = 0.9m;

    /// <summary><see cref="CorrectiveActionCode.Rescope"/> is suggested when EAC (at CPI) exceeds BAC by more than this percent.</summary>
    public decimal RescopeAboveOverrunPercent { get; init; } = 10m;

    /// <summary>At most this many not-started items (largest budget first) are suggested for rescoping.</summary>
    public int MaxRescopeItems { get; init; } = 3;
}

/// <summary>
/// Which items cause the slip and the overrun, and what could be done. Items are matched to scheduled activities by id;
/// an item with no activity is never a slip cause (it is not on the critical path).
/// </summary>
/// <remarks>
/// A slip cause is a critical activity (<see cref="ScheduledActivity.IsCritical"/>) with at least one <see cref="SlipReason"/>,
/// listed most behind (lowest SV) first. Cost overruns are the items with CV &lt; 0, most negative first.
/// Actions: <see cref="CorrectiveActionCode.Crash"/> for slip causes already started or under-estimated;
/// <see cref="CorrectiveActionCode.FastTrack"/>, when there is any slip cause, for critical items not yet started that have a
/// finish-to-start predecessor; <see cref="CorrectiveActionCode.Reassign"/> for overruns whose CPI is below the threshold;
/// <see cref="CorrectiveActionCode.Rescope"/> for the largest not-started items when the forecast overrun is above the threshold.
/// Actions with no item are left out.
/// </remarks>
public static class DeviationAnalysis
{
    public static DeviationReport Analyze(ScheduleResult schedule, EvInput input, EvReport report, DeviationOptions? options = null)
    {
        options ??= new DeviationOptions();
        var calendar = input.Calendar;
        var status = input.StatusDate;
        var slipCauses = new List<SlipCause>();
        var overruns = new List<CostOverrun>();
        var crash = new List<string>();
        var reassign = new List<string>();
        var notStarted = new List<EvWorkItem>();

        for (var i = 0; i < input.Items.Count; i++)
        {
            var item = input.Items[i];
            var metrics = report.Items[i].Metrics;
            var started = metrics.Ev > 0 || metrics.Ac > 0;
            if (!started)
                notStarted.Add(item);
            if (metrics.Cv < 0)
            {
                overruns.Add(new CostOverrun(item.Id, metrics.Cv, metrics.Cpi));
                if (metrics.Cpi < options.ReassignBelowCpi)
                    reassign.Add(item.Id);
            }

            if (schedule.Find(item.Id) is not { IsCritical: true } activity)
                continue;
            var reasons = SlipReason.None;
            if ((!started && item.BaselineStart <= status) || activity.EarlyStart > item.BaselineStart)
                reasons |= SlipReason.LateStart;
            if (metrics.Ev < metrics.Pv)
                reasons |= SlipReason.BehindPlan;
            var plannedRemaining = calendar.CountWorkingDays(status.AddDays(1), item.BaselineFinish);
            if (item.RemainingDays > plannedRemaining)
                reasons |= SlipReason.UnderEstimated;
            if (reasons == SlipReason.None)
                continue;
            slipCauses.Add(new SlipCause(item.Id, reasons, activity.TotalFloat, metrics.Sv));
            if (started || reasons.HasFlag(SlipReason.UnderEstimated))
                crash.Add(item.Id);
        }

        // Stable orderings: ties keep the input order.
        var causes = slipCauses.OrderBy(c => c.ScheduleVariance).ToList();
        var worstOverruns = overruns.OrderBy(o => o.CostVariance).Take(options.MaxCostOverruns).ToList();

        var actions = new List<CorrectiveAction>();
        AddAction(actions, CorrectiveActionCode.Crash, crash);
        if (causes.Count > 0)
            AddAction(actions, CorrectiveActionCode.FastTrack, FastTrackCandidates(schedule, notStarted));
        AddAction(actions, CorrectiveActionCode.Reassign, reassign);
        var p = report.Project;
        if (p.Bac > 0 && p.EacAtCpi is { } eac && (eac - p.Bac) * 100 / p.Bac > options.RescopeAboveOverrunPercent)
        {
            var largest = notStarted.OrderByDescending(x => x.Budget).Take(options.MaxRescopeItems).Select(x => x.Id).ToList();
            AddAction(actions, CorrectiveActionCode.Rescope, largest);
        }
        return new DeviationReport(causes, worstOverruns, actions);
    }

    private static List<string> FastTrackCandidates(ScheduleResult schedule, List<EvWorkItem> notStarted)
    {
        var withFinishToStartPredecessor = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in schedule.Input?.Dependencies ?? [])
        {
            if (link.Type == DependencyType.FinishToStart)
                withFinishToStartPredecessor.Add(link.SuccessorId);
        }
        var result = new List<string>();
        foreach (var item in notStarted)
        {
            if (schedule.Find(item.Id) is { IsCritical: true, DurationDays: > 0 } && withFinishToStartPredecessor.Contains(item.Id))
                result.Add(item.Id);
        }
        return result;
    }

    private static void AddAction(List<CorrectiveAction> actions, CorrectiveActionCode code, List<string> ids)
    {
        if (ids.Count > 0)
            actions.Add(new CorrectiveAction(code, ids));
    }
}

using PmBot.Core.Features.Costs;
using PmBot.Core.Localization;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Plan;

/// <summary>Earned value in words, in the member's language: the one-line reading, the deviations and the corrective actions.</summary>
public static class EvmText
{
    /// <summary>"1.7 working days behind and 25% over budget, mostly in 1 Build."</summary>
    public static string Reading(Localizer t, EvmData data, EvmStatus status)
    {
        var r = status.Reading;
        var schedule = r.Schedule switch
        {
            SchedulePerformance.Behind when r.DaysBehind is { } days => t["evm.behind_days", Days(t, days)],
            SchedulePerformance.Behind => t["evm.behind_percent", t.Percent(r.PercentBehindPlan)],
            SchedulePerformance.Ahead when r.DaysBehind is { } days => t["evm.ahead_days", Days(t, -days)],
            SchedulePerformance.Ahead => t["evm.ahead_percent", t.Percent(-r.PercentBehindPlan)],
            SchedulePerformance.OnSchedule => t["evm.on_schedule"],
            _ => t["evm.schedule_unknown"],
        };
        var cost = r.Cost switch
        {
            CostPerformance.OverBudget when r.PercentOverBudget is { } over => t["evm.over_budget", t.Percent(over)],
            CostPerformance.OverBudget => t["evm.over_budget_unearned", t.Money(-status.Report.Project.Cv)],
            CostPerformance.UnderBudget => t["evm.under_budget", t.Percent(-r.PercentOverBudget)],
            CostPerformance.OnBudget => t["evm.on_budget"],
            _ => t["evm.cost_unknown"],
        };
        var slipIn = r.Schedule == SchedulePerformance.Behind ? r.WorstBranchBySv?.OutlineCode : null;
        var overIn = r.Cost == CostPerformance.OverBudget ? r.WorstBranchByCv?.OutlineCode : null;
        string sentence;
        if (slipIn is not null && slipIn == overIn)
            sentence = t["evm.reading_mostly", schedule, cost, Branch(data, slipIn)];
        else
        {
            if (slipIn is not null)
                schedule = t["evm.mostly_in", schedule, Branch(data, slipIn)];
            if (overIn is not null)
                cost = t["evm.mostly_in", cost, Branch(data, overIn)];
            sentence = t["evm.reading", schedule, cost];
        }
        return char.ToUpper(sentence[0], t.Culture) + sentence[1..];
    }

    /// <summary>"Forecast at completion 12,500.00 USD against a budget of 10,000.00 USD (+25%)", and what it takes to hold the budget.</summary>
    public static string Forecast(Localizer t, EvmData data, EvmStatus status)
    {
        var p = status.Report.Project;
        if (p.EacAtCpi is not { } eac)
            return t["evm.forecast_unknown", t.Money(p.Bac, data.Project)];
        var text = t["evm.forecast", t.Money(eac, data.Project), t.Money(p.Bac, data.Project), p.Bac == 0 ? t["common.none"] : ((eac - p.Bac) * 100 / p.Bac).ToString("+0.#;-0.#;0", t.Culture) + "%"];
        if (status.Reading.NeedsBetterEfficiency && p.Tcpi is { } tcpi)
            text += " " + t["evm.tcpi_needed", t.Index(tcpi)];
        return text;
    }

    /// <summary>Bulleted lines: the slip causes, the cost overruns and the corrective actions (empty when there is nothing to say).</summary>
    public static IReadOnlyList<string> Deviations(Localizer t, EvmData data, DeviationReport deviation)
    {
        var lines = new List<string>();
        if (deviation.SlipCauses.Count > 0)
        {
            lines.Add("*" + t["evm.why_late"] + "*\n" + string.Join("\n", deviation.SlipCauses.Select(c =>
                "- " + t["evm.slip_cause", Item(t, data, c.Id), Reasons(t, c.Reasons), c.TotalFloat, t.Signed(c.ScheduleVariance)])));
        }
        if (deviation.CostOverruns.Count > 0)
        {
            lines.Add("*" + t["evm.why_over"] + "*\n" + string.Join("\n", deviation.CostOverruns.Select(o =>
                "- " + t["evm.overrun", Item(t, data, o.Id), t.Signed(o.CostVariance), t.Index(o.Cpi)])));
        }
        if (deviation.Actions.Count > 0)
        {
            lines.Add("*" + t["evm.what_to_do"] + "*\n" + string.Join("\n", deviation.Actions.Select(a =>
                "- " + t["evm.action." + a.Code.ToString().ToLowerInvariant(), string.Join(t["evm.separator"], a.ItemIds.Select(id => Item(t, data, id)))])));
        }
        return lines;
    }

    /// <summary>"APOLLO-3 “Build”", or the project's unassigned costs.</summary>
    public static string Item(Localizer t, EvmData data, string id) =>
        data.ItemOf(id) is { } item ? $"{id} “{item.Name}”" : t["evm.project_costs"];

    /// <summary>"2.1 Backend".</summary>
    public static string Branch(EvmData data, string outlineCode) =>
        data.ItemAt(outlineCode) is { } item ? $"{outlineCode} {item.Name}" : outlineCode;

    private static string Days(Localizer t, decimal days) => Math.Round(days, 1, MidpointRounding.AwayFromZero).ToString("0.#", t.Culture);

    private static string Reasons(Localizer t, SlipReason reasons) =>
        string.Join(t["evm.separator"], Enum.GetValues<SlipReason>()
            .Where(r => r != SlipReason.None && reasons.HasFlag(r))
            .Select(r => t["evm.reason." + r.ToString().ToLowerInvariant()]));
}

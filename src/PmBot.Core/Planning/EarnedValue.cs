namespace PmBot.Core.Planning;

/// <summary>Earned value management at a status date, for the project and every WBS branch. Pure and thread-safe.</summary>
/// <remarks>
/// <para>PV time-phases each item's budget evenly over its baseline working days: at the status date (inclusive) an item of
/// n baseline working days of which e have passed has PV = budget × e / n. An item whose baseline has no working day plans
/// its whole budget at the end of the last working day on or before its baseline finish.</para>
/// <para>EV = percent complete / 100 × budget (or the EV given directly); AC as given. Branch figures are sums over the
/// branch's items. Earned schedule is computed for the project on the same time-phased PV curve.</para>
/// <para>Cost: O(items × outline depth + baseline working days).</para>
/// </remarks>
public static class EarnedValue
{
    private sealed class Totals
    {
        public decimal Bac, Pv, Ev, Ac;

        public void Add(decimal bac, decimal pv, decimal ev, decimal ac)
        {
            Bac += bac;
            Pv += pv;
            Ev += ev;
            Ac += ac;
        }

        public EvMetrics ToMetrics() => new(Bac, Pv, Ev, Ac);
    }

    public static EvReport Compute(EvInput input) => Compute(input, perBranch: true);

    /// <summary>
    /// The project's figures and earned schedule only, as <see cref="Compute(EvInput)"/> gives them, with no branches and
    /// no item results: summing every branch costs most of the computation and a status line shows none of them.
    /// </summary>
    public static EvReport ComputeProject(EvInput input) => Compute(input, perBranch: false);

    private static EvReport Compute(EvInput input, bool perBranch)
    {
        var items = input.Items;
        if (items.Count == 0)
            return new EvReport(input.StatusDate, new EvMetrics(0, 0, 0, 0), null, [], []);

        var firstStart = DateOnly.MaxValue;
        var lastFinish = DateOnly.MinValue;
        foreach (var item in items)
        {
            Validate(item);
            if (item.BaselineStart < firstStart)
                firstStart = item.BaselineStart;
            if (item.BaselineFinish > lastFinish)
                lastFinish = item.BaselineFinish;
        }
        var days = input.Calendar.CreateIndex(firstStart, lastFinish > input.StatusDate ? lastFinish : input.StatusDate);
        var statusDay = days.FinishIndexOf(input.StatusDate);
        var horizon = Math.Max(days.FinishIndexOf(lastFinish) + 1, 0);

        var dailyRate = new decimal[horizon + 1]; // change of the PV rate at the start of day k
        var lump = new decimal[horizon + 1]; // PV planned all at once at boundary k
        var project = new Totals();
        // About one branch per item (each item is the branch of its own code) plus their parents.
        var branches = new Dictionary<string, Totals>(perBranch ? items.Count * 2 : 0, StringComparer.Ordinal);
        var lookup = branches.GetAlternateLookup<ReadOnlySpan<char>>();
        var results = new EvItemResult[perBranch ? items.Count : 0];

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var start = days.StartIndexOf(item.BaselineStart);
            var finish = days.FinishIndexOf(item.BaselineFinish);
            var workingDays = finish - start + 1;
            decimal pv;
            if (workingDays > 0)
            {
                var elapsed = Math.Clamp(statusDay - start + 1, 0, workingDays);
                pv = item.Budget * elapsed / workingDays;
                var rate = item.Budget / workingDays;
                dailyRate[start] += rate;
                dailyRate[finish + 1] -= rate;
            }
            else
            {
                pv = statusDay >= finish ? item.Budget : 0;
                lump[Math.Max(finish + 1, 0)] += item.Budget;
            }
            var ev = item.EarnedValue ?? item.Budget * item.PercentComplete / 100;
            project.Add(item.Budget, pv, ev, item.ActualCost);
            if (!perBranch)
                continue;
            AddToBranches(lookup, item.OutlineCode, item.Budget, pv, ev, item.ActualCost);
            results[i] = new EvItemResult(item.Id, item.OutlineCode, new EvMetrics(item.Budget, pv, ev, item.ActualCost));
        }

        var branchList = new List<EvBranch>(branches.Count);
        foreach (var (code, totals) in branches)
            branchList.Add(new EvBranch(code, OutlineCode.Depth(code), totals.ToMetrics()));
        // Items usually come in outline order, and the branches then already are (first seen, first listed): sorting
        // 10,000 codes again costs more than the rest of the computation.
        if (!InOutlineOrder(branchList))
            branchList.Sort((a, b) => OutlineCode.Compare(a.OutlineCode, b.OutlineCode));

        var schedule = EarnedScheduleOf(project.Ev, dailyRate, lump, horizon, statusDay);
        return new EvReport(input.StatusDate, project.ToMetrics(), schedule, branchList, results);
    }

    private static bool InOutlineOrder(List<EvBranch> branches)
    {
        for (var i = 1; i < branches.Count; i++)
        {
            if (OutlineCode.Compare(branches[i - 1].OutlineCode, branches[i].OutlineCode) > 0)
                return false;
        }
        return true;
    }

    private static void Validate(EvWorkItem item)
    {
        if (item.BaselineFinish < item.BaselineStart)
            throw new ArgumentException($"Work item {item.Id} finishes before it starts.");
        if (item.Budget < 0 || item.ActualCost < 0)
            throw new ArgumentException($"Work item {item.Id} has a negative budget or cost.");
        if (item.PercentComplete is < 0 or > 100)
            throw new ArgumentException($"Work item {item.Id} has a percent complete outside 0-100.");
    }

    private static void AddToBranches(
        Dictionary<string, Totals>.AlternateLookup<ReadOnlySpan<char>> lookup,
        string code, decimal bac, decimal pv, decimal ev, decimal ac)
    {
        if (code.Length == 0)
            return;
        var span = code.AsSpan();
        for (var end = 0; end <= span.Length; end++)
        {
            if (end < span.Length && span[end] != '.')
                continue;
            var prefix = span[..end];
            if (!lookup.TryGetValue(prefix, out var totals))
            {
                totals = new Totals();
                lookup[prefix] = totals;
            }
            totals.Add(bac, pv, ev, ac);
        }
    }

    /// <summary>
    /// Cumulative PV at the end of k working days is cum[k]; ES = C + (EV - cum[C]) / (cum[C + 1] - cum[C]) where C is the
    /// last k with cum[k] ≤ EV (ES = all baseline days once EV reaches the whole curve).
    /// </summary>
    private static EarnedSchedule EarnedScheduleOf(decimal ev, decimal[] dailyRate, decimal[] lump, int horizon, int statusDay)
    {
        var cumulative = new decimal[horizon + 1];
        decimal rate = 0, total = lump[0];
        cumulative[0] = total;
        for (var k = 1; k <= horizon; k++)
        {
            rate += dailyRate[k - 1];
            total += rate + lump[k];
            cumulative[k] = total;
        }
        decimal earned;
        if (ev >= cumulative[horizon])
        {
            earned = horizon;
        }
        else
        {
            int lo = 0, hi = horizon; // find the last k with cumulative[k] <= ev
            if (cumulative[0] > ev)
            {
                earned = 0;
            }
            else
            {
                while (lo < hi)
                {
                    var mid = (lo + hi + 1) >>> 1;
                    if (cumulative[mid] <= ev)
                        lo = mid;
                    else
                        hi = mid - 1;
                }
                earned = lo + (ev - cumulative[lo]) / (cumulative[lo + 1] - cumulative[lo]);
            }
        }
        return new EarnedSchedule(Math.Round(earned, 2, MidpointRounding.AwayFromZero), Math.Max(statusDay + 1, 0));
    }
}

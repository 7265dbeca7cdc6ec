using System.Globalization;
using PmBot.Core.Csv;
using PmBot.Core.Domain;
using PmBot.Core.Features.Members;
using PmBot.Core.Features.Plan;
using PmBot.Core.Planning;
using static PmBot.Core.Features.PlanCsv.PlanColumns;

namespace PmBot.Core.Features.PlanCsv;

/// <summary>What an export reads: the WBS, its links, the workspace's people, the schedule (null when it cannot be made) and the current baseline.</summary>
public sealed record PlanData(
    Wbs Wbs,
    IReadOnlyList<WorkItemLink> Links,
    IReadOnlyList<Member> Members,
    ScheduleResult? Schedule,
    IReadOnlyDictionary<Guid, PlanBaselineItem> Baseline);

/// <summary>
/// The plan and progress CSVs (docs/csv.md). The plan CSV uses the import's columns for what can be imported (ids are
/// the short ids, parents and predecessors refer to them), so importing it rebuilds the same tree and links; the
/// columns PmBot computes come after them.
/// </summary>
public static class PlanExport
{
    public static readonly IReadOnlyList<string> PlanHeader =
    [
        PlanColumns.Wbs, Id, Name, Parent, DurationDays, Owner, EffortHours, FixedCost, Deliverable, Description, AcceptanceCriteria, Predecessors, StartNoEarlierThan,
        EarlyStart, EarlyFinish, TotalFloat, Critical, BaselineStart, BaselineFinish, PercentComplete, ActualStart, ActualFinish, PlanColumns.Status,
    ];

    public static readonly IReadOnlyList<string> ProgressHeader =
    [
        PlanColumns.Wbs, Id, Name, Owner, PlanColumns.Status, PercentComplete, ActualStart, ActualFinish, EarlyStart, EarlyFinish, BaselineStart, BaselineFinish, FinishSlipDays,
    ];

    /// <summary>Every WBS item in outline order.</summary>
    public static string Plan(PlanData data)
    {
        var wbs = data.Wbs;
        var records = new List<IReadOnlyList<string>> { PlanHeader };
        foreach (var item in wbs.InOutlineOrder)
        {
            var task = !wbs.HasChildren(item);
            var tasks = Tasks(wbs, item).ToList();
            var (start, finish) = Span(tasks.Select(t => data.Schedule?.Find(wbs.ShortId(t))).OfType<ScheduledActivity>().Select(a => (a.EarlyStart, a.EarlyFinish)));
            var (baselineStart, baselineFinish) = Span(tasks.Select(t => data.Baseline.GetValueOrDefault(t.Id)).OfType<PlanBaselineItem>().Select(b => (b.Start, b.Finish)));
            var scheduled = task ? data.Schedule?.Find(wbs.ShortId(item)) : null;
            records.Add(
            [
                wbs.Outline[item.Id],
                wbs.ShortId(item),
                Protect(item.Name),
                item.ParentId is { } parent ? wbs.ShortId(wbs.Get(parent)) : "",
                Number(item.DurationDays),
                OwnerName(data, item),
                item.EffortHours is { } effort ? Number(effort) : "",
                item.FixedCost != 0 ? Number(item.FixedCost) : "",
                item.IsDeliverable ? "yes" : "",
                Protect(item.Description ?? ""),
                Protect(item.AcceptanceCriteria ?? ""),
                string.Join(", ", data.Links.Where(l => l.SuccessorId == item.Id).OrderBy(l => wbs.Outline[l.PredecessorId], OutlineCode.Comparer).Select(l => LinkText(wbs, l))),
                Date(item.StartNoEarlierThan),
                Date(start),
                Date(finish),
                scheduled is null ? "" : Number(scheduled.TotalFloat),
                scheduled is null ? "" : scheduled.IsCritical ? "yes" : "no",
                Date(baselineStart),
                Date(baselineFinish),
                task ? Number(item.PercentComplete) : "",
                Date(item.ActualStart),
                Date(item.ActualFinish),
                task ? StatusText(item.Status) : "",
            ]);
        }
        return CsvWriter.Write(records);
    }

    /// <summary>Every task (WBS leaf) in outline order: progress, forecast and baselined dates, and the finish slip.</summary>
    public static string Progress(PlanData data)
    {
        var wbs = data.Wbs;
        var records = new List<IReadOnlyList<string>> { ProgressHeader };
        foreach (var item in wbs.InOutlineOrder.Where(i => !wbs.HasChildren(i)))
        {
            var scheduled = data.Schedule?.Find(wbs.ShortId(item));
            var baseline = data.Baseline.GetValueOrDefault(item.Id);
            // A finished task's slip is measured at its actual finish; the others' at their forecast.
            var finish = item.ActualFinish ?? scheduled?.EarlyFinish;
            records.Add(
            [
                wbs.Outline[item.Id],
                wbs.ShortId(item),
                Protect(item.Name),
                OwnerName(data, item),
                StatusText(item.Status),
                Number(item.PercentComplete),
                Date(item.ActualStart),
                Date(item.ActualFinish),
                Date(scheduled?.EarlyStart),
                Date(scheduled?.EarlyFinish),
                Date(baseline?.Start),
                Date(baseline?.Finish),
                baseline is null || finish is null ? "" : Number((data.Schedule?.Calendar ?? WorkCalendar.Standard).WorkingDaysBetween(baseline.Finish, finish.Value)),
            ]);
        }
        return CsvWriter.Write(records);
    }

    /// <summary>"APOLLO-3FS", "APOLLO-4SS+2", "APOLLO-5FF-1": the predecessor's short id, the link type and any lag.</summary>
    public static string LinkText(Wbs wbs, WorkItemLink link) =>
        wbs.ShortId(wbs.Get(link.PredecessorId)) + LinkCodes[link.Type] + (link.LagDays == 0 ? "" : link.LagDays.ToString("+0;-0", CultureInfo.InvariantCulture));

    /// <summary>The owner's display name, or their channel id when the name would not say who it is on import.</summary>
    private static string OwnerName(PlanData data, WorkItem item)
    {
        if (item.OwnerMemberId is not { } id || data.Members.FirstOrDefault(m => m.Id == id) is not { } owner)
            return "";
        var name = MemberLookup.Matching(data.Members, owner.DisplayName) is [var only] && only == owner ? owner.DisplayName : owner.ExternalUserId;
        return Protect(name);
    }

    /// <summary>From the first start to the last finish (a task's own dates; a parent's span over its tasks).</summary>
    private static (DateOnly? Start, DateOnly? Finish) Span(IEnumerable<(DateOnly Start, DateOnly Finish)> dates)
    {
        var list = dates.ToList();
        return list.Count == 0 ? (null, null) : (list.Min(d => d.Start), list.Max(d => d.Finish));
    }

    /// <summary>The item itself when it is a task, else the tasks under it.</summary>
    private static IEnumerable<WorkItem> Tasks(Wbs wbs, WorkItem item)
    {
        if (!wbs.HasChildren(item))
            return [item];
        var prefix = wbs.Outline[item.Id] + ".";
        return wbs.Items.Where(i => wbs.Outline[i.Id].StartsWith(prefix, StringComparison.Ordinal) && !wbs.HasChildren(i));
    }

    private static string StatusText(WorkItemStatus status) => status switch
    {
        WorkItemStatus.InProgress => "in_progress",
        WorkItemStatus.Done => "done",
        _ => "not_started",
    };

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

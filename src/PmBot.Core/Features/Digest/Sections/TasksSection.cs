using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Digest.Sections;

/// <summary>A task in the digest: its schedule, owner, progress, and working days past its scheduled finish (0: due today).</summary>
public sealed record TaskLine(string Id, string Name, string? Owner, DateOnly Start, DateOnly Finish, WorkItemStatus Status, int Percent, int LateDays);

/// <summary>Tasks due (scheduled finish on or before today) and not done, earliest first; tasks scheduled to start today.</summary>
public sealed record TaskFigures(IReadOnlyList<TaskLine> Slipped, IReadOnlyList<TaskLine> StartingToday, int OpenTasks);

/// <summary>
/// Tasks that slipped (due by today in the critical-path schedule, not done) and tasks starting today, from
/// <see cref="ScheduleOf"/>; a button to open the schedule. Milestones are left to <see cref="MilestonesSection"/>.
/// </summary>
public sealed class TasksSection : IDigestSection
{
    /// <summary>At most this many tasks are listed per group; the rest are counted.</summary>
    public const int MaxLines = 15;

    public async Task<DigestPart> BuildAsync(ProjectData data, Localizer t, CancellationToken cancellationToken)
    {
        var wbs = await data.WbsAsync(cancellationToken);
        var schedule = await data.ScheduleAsync(cancellationToken);
        if (schedule is null)
        {
            var why = wbs.Items.Count == 0 ? t["digest.tasks.no_tasks"] : t["digest.tasks.unschedulable"];
            return new DigestPart([new TextBlock(t["digest.tasks.title"] + " — " + why)]);
        }
        var members = await data.MembersAsync(cancellationToken);
        return Render(Compute(wbs, schedule, data.Today, members), data.Project, t);
    }

    public static TaskFigures Compute(Wbs wbs, ScheduleResult schedule, DateOnly today, IReadOnlyDictionary<Guid, Member> members)
    {
        var calendar = schedule.Calendar;
        var open = new List<(WorkItem Item, ScheduledActivity Dates)>();
        foreach (var item in wbs.Items)
        {
            // Milestones have their own section (target against forecast).
            if (item.Status != WorkItemStatus.Done && !item.IsMilestone && !wbs.HasChildren(item) && schedule.Find(wbs.ShortId(item)) is { } dates)
                open.Add((item, dates));
        }
        TaskLine Line((WorkItem Item, ScheduledActivity Dates) task) => new(
            wbs.ShortId(task.Item), task.Item.Name,
            task.Item.OwnerMemberId is { } owner && members.TryGetValue(owner, out var member) ? member.DisplayName : null,
            task.Dates.EarlyStart, task.Dates.EarlyFinish, task.Item.Status, task.Item.PercentComplete,
            Math.Max(0, calendar.WorkingDaysBetween(task.Dates.EarlyFinish, today)));
        return new TaskFigures(
            open.Where(x => x.Dates.EarlyFinish <= today).OrderBy(x => x.Dates.EarlyFinish).ThenBy(x => x.Item.Number).Select(Line).ToList(),
            open.Where(x => x.Dates.EarlyStart == today).OrderBy(x => x.Item.Number).Select(Line).ToList(),
            open.Count);
    }

    public static DigestPart Render(TaskFigures figures, Project project, Localizer t)
    {
        var lines = new List<string> { t["digest.tasks.title"] + " — " + t["digest.tasks.summary", figures.Slipped.Count, figures.StartingToday.Count, figures.OpenTasks] };
        if (figures.Slipped.Count > 0)
            lines.Add(t["digest.tasks.slipped"]);
        lines.AddRange(Lines(figures.Slipped, l => l.LateDays == 0 ? t["digest.tasks.due_today"] : t["digest.tasks.late", l.LateDays, t.Date(l.Finish)], t));
        if (figures.StartingToday.Count > 0)
            lines.Add(t["digest.tasks.starting"]);
        lines.AddRange(Lines(figures.StartingToday, l => t["digest.tasks.finish", t.Date(l.Finish)], t));
        var blocks = new List<Block>
        {
            new TextBlock(string.Join('\n', lines)),
            new ActionsBlock([new ActionButton(t["button.schedule"], $"plan schedule project {project.Key}")]),
        };
        return new DigestPart(blocks, figures.Slipped.Count == 0 ? null : t["digest.tasks.headline", figures.Slipped.Count]);
    }

    private static IEnumerable<string> Lines(IReadOnlyList<TaskLine> tasks, Func<TaskLine, string> when, Localizer t)
    {
        foreach (var task in tasks.Take(MaxLines))
        {
            var owner = task.Owner is null ? "" : " · " + task.Owner;
            var status = t["task.status." + task.Status.ToString().ToLowerInvariant()];
            yield return $"- *{task.Id}* {DigestText.Quote(task.Name, 80)}{owner} · {status} {task.Percent}% · {when(task)}";
        }
        if (tasks.Count > MaxLines)
            yield return "- " + t["digest.more", tasks.Count - MaxLines];
    }
}

using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;

namespace PmBot.Core.Tests.Features.Digest;

/// <summary>Hand-built projects, members, check-ins and blockers for the digest's tests (Tuesday 2026-11-24, 08:00 in New York).</summary>
public static class DigestFixtures
{
    public static readonly DateOnly Today = new(2026, 11, 24);
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Since = Now.AddDays(-1);
    public static readonly Guid WorkspaceId = Guid.NewGuid();
    public static readonly Guid Standup = Guid.NewGuid();
    public static readonly Guid PulseSchedule = Guid.NewGuid();

    public static Project Project(DateOnly? start = null, DateOnly? finish = null) => new()
    {
        WorkspaceId = WorkspaceId,
        Key = "APOLLO",
        Name = "Apollo",
        PmMemberId = Guid.NewGuid(),
        PlannedStart = start,
        PlannedFinish = finish,
    };

    public static Member Member(string name, string? id = null) => new()
    {
        WorkspaceId = WorkspaceId,
        ExternalUserId = id ?? name.ToLowerInvariant(),
        DisplayName = name,
    };

    public static IReadOnlyDictionary<Guid, Member> ById(params Member[] members) => members.ToDictionary(m => m.Id);

    /// <summary>A check-in prompted <paramref name="hoursAgo"/> before <see cref="Now"/> with a four-hour window.</summary>
    public static CheckinOccurrence Occurrence(Member member, double hoursAgo, OccurrenceState state = OccurrenceState.Sent, Guid? schedule = null,
        AwayReason? away = null, DateTimeOffset? answeredAt = null, bool late = false, DateOnly? date = null)
    {
        var prompt = Now.AddHours(-hoursAgo);
        return new CheckinOccurrence
        {
            ScheduleId = schedule ?? Standup,
            ProjectId = Guid.Empty,
            MemberId = member.Id,
            LocalDate = date ?? DateOnly.FromDateTime(prompt.UtcDateTime),
            PromptAt = prompt,
            WindowEndsAt = prompt.AddHours(4),
            AnswerableUntil = prompt.AddDays(1),
            State = state,
            AwayReason = away,
            AnsweredAt = answeredAt,
            Late = late,
        };
    }

    public static Blocker Blocker(int number, Member member, DateTimeOffset opened, DateTimeOffset? changed = null, DateTimeOffset? resolved = null, Guid? task = null) => new()
    {
        ProjectId = Guid.Empty,
        Number = number,
        MemberId = member.Id,
        Text = $"Blocker {number}",
        OpenedAt = opened,
        ChangedAt = resolved ?? changed ?? opened,
        Status = resolved is null ? BlockerStatus.Open : BlockerStatus.Resolved,
        ResolvedAt = resolved,
        WorkItemId = task,
    };

    /// <summary>A WBS: items numbered from 1 in order, each (name, days, parent number or 0, status).</summary>
    public static Wbs Wbs(Project project, params (string Name, int Days, int Parent, WorkItemStatus Status)[] items)
    {
        var list = new List<WorkItem>();
        foreach (var (name, days, parent, status) in items)
        {
            list.Add(new WorkItem
            {
                ProjectId = project.Id,
                Number = list.Count + 1,
                Name = name,
                DurationDays = days,
                ParentId = parent == 0 ? null : list[parent - 1].Id,
                Status = status,
                PercentComplete = status == WorkItemStatus.Done ? 100 : 0,
            });
        }
        return new Wbs(project, list);
    }
}

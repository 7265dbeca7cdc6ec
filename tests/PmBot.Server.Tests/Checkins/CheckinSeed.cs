using Microsoft.EntityFrameworkCore;
using PmBot.Core.Domain;
using PmBot.Server.Tests.Infrastructure;
using PmBot.Storage;

namespace PmBot.Server.Tests.Checkins;

/// <summary>
/// A Slack workspace with a project, its PM and members, and a daily stand-up whose window (24 h) holds exactly one
/// prompt of every member, already due: the schedule was created days ago, every day is a working day.
/// </summary>
public static class CheckinSeed
{
    public sealed record Seeded(Guid ScheduleId, IReadOnlyList<Member> Members);

    public static readonly string[] Zones = ["America/New_York", "Asia/Shanghai", "Europe/London", "Asia/Kolkata", "Australia/Sydney"];

    public static async Task<Seeded> SlackAsync(PmBotApp app, int members, int reminderPercent = 0)
    {
        await using var db = await app.Get<IDbContextFactory<PmBotDbContext>>().CreateDbContextAsync();
        var now = TimeProvider.System.GetUtcNow();
        var workspace = new Workspace { Channel = ChannelKind.Slack, ExternalId = "T0CHECKIN", Name = "Acme", WorkingDays = Weekdays.All, CreatedAt = now };
        db.Workspaces.Add(workspace);
        var people = Enumerable.Range(0, members).Select(i => new Member
        {
            WorkspaceId = workspace.Id,
            ExternalUserId = $"U{i:00000}",
            DisplayName = $"Member {i}",
            TimeZone = Zones[i % Zones.Length],
            CreatedAt = now,
        }).ToList();
        db.Members.AddRange(people);
        var project = new Project { WorkspaceId = workspace.Id, Key = "APOLLO", Name = "Apollo", PmMemberId = people[0].Id, CreatedAt = now };
        db.Projects.Add(project);
        db.ProjectMemberships.AddRange(people.Select((m, i) => new ProjectMembership { ProjectId = project.Id, MemberId = m.Id, Role = i == 0 ? ProjectRole.Pm : ProjectRole.Member, AddedAt = now }));
        var template = new CheckinTemplate { WorkspaceId = workspace.Id, Name = "standup", BuiltIn = "standup", CreatedAt = now };
        db.CheckinTemplates.Add(template);
        db.CheckinQuestions.AddRange(BuiltInTemplates.Questions("standup").Select((q, i) => new CheckinQuestion
            { TemplateId = template.Id, Position = i + 1, Kind = q.Kind, TextKey = q.TextKey, Required = q.Required }));
        var schedule = new CheckinSchedule
        {
            WorkspaceId = workspace.Id, ProjectId = project.Id, TemplateId = template.Id, Number = 1, Days = Weekdays.All, LocalTime = new TimeOnly(9, 30),
            TimeZone = "America/New_York", WindowMinutes = 24 * 60, ReminderPercent = reminderPercent, Summary = SummaryMode.DigestOnly,
            SummaryConversationId = "C0PROJECT1", CreatedByMemberId = people[0].Id, CreatedAt = now.AddDays(-3),
        };
        db.CheckinSchedules.Add(schedule);
        await db.SaveChangesAsync();
        return new Seeded(schedule.Id, people);
    }
}

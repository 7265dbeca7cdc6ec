using PmBot.Core.Domain;
using PmBot.Core.Planning;
using PmBot.Storage;

namespace PmBot.Benchmarks.Digest;

/// <summary>The size of a seeded project.</summary>
public sealed record ProjectSize(string Name, int Tasks, int Members, int Stakeholders, int Days);

/// <summary>
/// Writes one busy project: a WBS of phases of 48 tasks and a milestone (chained, a link across phases every tenth
/// task), 8 h of effort per task-day at its owner's rate, a current baseline of most tasks with their planned cost;
/// <see cref="ProjectSize.Days"/> days of stand-ups of every member (85% answered with four answers, 10% missed, 5%
/// away) whose progress answers left a history (three reports per finished task, two per started one), weekly
/// timesheets (each member's week on one of their tasks), weekly pulses of the stakeholders, 200 blockers (30 open),
/// a labour and a materials budget line with 50 material costs.
/// </summary>
public static class DigestSeed
{
    private const int BatchSize = 4_000;

    public static async Task<(Guid ProjectId, Guid PmId)> WriteAsync(Func<PmBotDbContext> contexts, ProjectSize size, DateTimeOffset now)
    {
        var random = new Random(size.Tasks);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var rows = new List<object>();
        var workspace = new Workspace { Channel = ChannelKind.WebChat, ExternalId = "bench-" + size.Name, Name = "Bench " + size.Name, CreatedAt = now };
        rows.Add(workspace);
        var zones = new[] { "America/New_York", "Europe/London", "Asia/Shanghai", "Europe/Madrid" };
        var members = Enumerable.Range(0, size.Members + size.Stakeholders).Select(i => new Member
        {
            WorkspaceId = workspace.Id, ExternalUserId = $"U{i:00000}", DisplayName = i % 5 == 0 ? $"张伟 {i}" : $"Member {i}",
            TimeZone = zones[i % zones.Length], Locale = i % 5 == 0 ? Locales.Chinese : Locales.English, DirectConversationId = $"dm:U{i:00000}", CreatedAt = now,
            HourlyRate = i < size.Members ? 60 + i % 5 * 10 : null,
        }).ToList();
        rows.AddRange(members);
        var pm = members[0];
        var team = members.Take(size.Members).ToList();
        var stakeholders = members.Skip(size.Members).ToList();
        var project = new Project
        {
            WorkspaceId = workspace.Id, Key = "BENCH", Name = "Benchmark " + size.Name, PmMemberId = pm.Id, Status = ProjectStatus.Active,
            PlannedStart = today.AddDays(-size.Days), PlannedFinish = today.AddDays(120), CreatedAt = now,
        };
        rows.Add(project);
        rows.AddRange(team.Select((m, i) => new ProjectMembership { ProjectId = project.Id, MemberId = m.Id, Role = i == 0 ? ProjectRole.Pm : ProjectRole.Member, AddedAt = now }));
        rows.AddRange(stakeholders.Select(m => new ProjectMembership { ProjectId = project.Id, MemberId = m.Id, Role = ProjectRole.Stakeholder, AddedAt = now }));
        rows.Add(new DigestSetting { ProjectId = project.Id, MemberId = pm.Id, LocalTime = new TimeOnly(8, 0), UpdatedAt = now });

        // WBS: a phase, then 48 tasks chained inside it and a milestone closing it (targets spread over the next weeks).
        var items = new List<WorkItem>();
        WorkItem? phase = null;
        for (var n = 1; n <= size.Tasks; n++)
        {
            var isPhase = (n - 1) % 50 == 0;
            var item = new WorkItem
            {
                ProjectId = project.Id, Number = n, Name = isPhase ? $"Phase {n / 50 + 1}" : $"Task {n} of the benchmark plan",
                ParentId = isPhase ? null : phase!.Id, DurationDays = isPhase ? 0 : random.Next(1, 6),
                OwnerMemberId = isPhase ? null : team[random.Next(team.Count)].Id, CreatedAt = now,
            };
            item.EffortHours = item.DurationDays * 8;
            if (isPhase)
                phase = item;
            if (n % 50 == 0)
            {
                item.IsMilestone = true;
                item.DurationDays = 0;
                item.TargetDate = today.AddDays(n / 50 % 30);
            }
            items.Add(item);
        }
        var links = new List<WorkItemLink>();
        for (var i = 2; i < items.Count; i++)
        {
            if (items[i].ParentId is { } parent && items[i - 1].ParentId == parent)
                links.Add(new WorkItemLink { ProjectId = project.Id, PredecessorId = items[i - 1].Id, SuccessorId = items[i].Id, Type = DependencyType.FinishToStart });
            if (i % 10 == 0 && i >= 60 && items[i].ParentId is not null && items[i - 55].ParentId is not null && items[i - 55].ParentId != items[i].ParentId)
                links.Add(new WorkItemLink { ProjectId = project.Id, PredecessorId = items[i - 55].Id, SuccessorId = items[i].Id, Type = DependencyType.FinishToStart });
        }
        // Progress as the stand-ups reported it: the first 40% done (25%, 60%, then 100% on the day they finished), the next
        // 10% under way (half of it, then all of it yesterday).
        var rates = team.ToDictionary(m => m.Id, m => m.HourlyRate!.Value);
        var history = new List<object>();
        foreach (var (item, i) in items.Select((item, i) => (item, i)).Where(x => x.item.ParentId is not null && !x.item.IsMilestone))
        {
            if (i < items.Count * 4 / 10)
            {
                var finished = today.AddDays(-random.Next(1, size.Days - 10));
                Report(history, item, 25, finished.AddDays(-random.Next(4, 9)), now);
                Report(history, item, 60, finished.AddDays(-random.Next(1, 4)), now);
                Report(history, item, 100, finished, now);
            }
            else if (i < items.Count / 2)
            {
                var percent = random.Next(10, 90);
                Report(history, item, percent / 2, today.AddDays(-random.Next(2, 20)), now);
                Report(history, item, percent, today.AddDays(-1), now);
            }
        }
        rows.AddRange(items);
        rows.AddRange(history);
        rows.AddRange(links);
        var baseline = new PlanBaseline { ProjectId = project.Id, Number = 1, CreatedByMemberId = pm.Id, CreatedAt = now.AddDays(-size.Days), IsCurrent = true };
        rows.Add(baseline);
        rows.AddRange(items.Where(i => i.ParentId is not null && i.Number % 20 != 0).Select(i => new PlanBaselineItem
        {
            BaselineId = baseline.Id, WorkItemId = i.Id, Start = today.AddDays(-size.Days), Finish = today.AddDays(60), DurationDays = i.DurationDays,
            EffortHours = i.EffortHours ?? 0, PlannedCost = (i.EffortHours ?? 0) * rates.GetValueOrDefault(i.OwnerMemberId ?? Guid.Empty),
        }));

        // Weekly timesheets: each member's week (32-40 h) on one of their tasks, every Friday.
        var owned = items.Where(i => i.OwnerMemberId is not null).GroupBy(i => i.OwnerMemberId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        for (var day = today.AddDays(-size.Days); day <= today; day = day.AddDays(1))
        {
            if (day.DayOfWeek != DayOfWeek.Friday)
                continue;
            foreach (var member in team.Where(m => owned.ContainsKey(m.Id)))
            {
                var tasks = owned[member.Id];
                var hours = random.Next(32, 41);
                rows.Add(new TimeEntry
                {
                    ProjectId = project.Id, WorkItemId = tasks[random.Next(tasks.Count)].Id, MemberId = member.Id, Date = day, Hours = hours,
                    Rate = member.HourlyRate!.Value, Cost = TimeEntry.CostOf(hours, member.HourlyRate!.Value), CreatedAt = now,
                });
            }
        }
        var labour = rows.OfType<PlanBaselineItem>().Sum(b => b.PlannedCost);
        rows.Add(new BudgetLine { ProjectId = project.Id, Category = CostCategories.Labour, Amount = Math.Round(labour * 1.1m), UpdatedAt = now });
        rows.Add(new BudgetLine { ProjectId = project.Id, Category = "materials", Amount = 50_000, UpdatedAt = now });
        for (var n = 0; n < 50; n++)
        {
            rows.Add(new CostEntry
            {
                ProjectId = project.Id, WorkItemId = items[random.Next(items.Count)].Id, Amount = random.Next(100, 1_500), Description = "Parts", Category = "materials",
                Date = today.AddDays(-random.Next(0, size.Days)), RecordedByMemberId = pm.Id, CreatedAt = now,
            });
        }

        // Check-ins: a stand-up for the team every working day, a pulse for the stakeholders every Friday.
        var standup = Template(rows, workspace, BuiltInTemplates.Standup, now);
        var pulse = Template(rows, workspace, BuiltInTemplates.Pulse, now);
        var standupSchedule = Schedule(rows, workspace, project, standup.Template, 1, Weekdays.MondayToFriday, AudienceRole.Team, pm, now);
        var pulseSchedule = Schedule(rows, workspace, project, pulse.Template, 2, Weekdays.Friday, AudienceRole.Stakeholders, pm, now);
        for (var day = today.AddDays(-size.Days); day <= today; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                continue;
            foreach (var member in team)
                Occurrence(rows, random, standupSchedule, standup.Questions, member, day, now);
            if (day.DayOfWeek == DayOfWeek.Friday)
            {
                foreach (var member in stakeholders)
                    Occurrence(rows, random, pulseSchedule, pulse.Questions, member, day, now);
            }
        }
        for (var n = 1; n <= 200; n++)
        {
            var opened = now.AddDays(-random.Next(0, size.Days)).AddHours(-random.Next(0, 24));
            var blocker = new Blocker
            {
                ProjectId = project.Id, Number = n, MemberId = team[random.Next(team.Count)].Id, Text = $"Blocked by item {n}: waiting for a review",
                WorkItemId = items[random.Next(items.Count)].Id, OpenedAt = opened, ChangedAt = opened,
            };
            if (n > 30)
                blocker.Resolve(pm.Id, opened.AddDays(1) < now ? opened.AddDays(1) : now);
            rows.Add(blocker);
        }

        foreach (var chunk in rows.Chunk(BatchSize))
        {
            await using var db = contexts();
            db.AddRange(chunk);
            await db.SaveChangesAsync();
        }
        return (project.Id, pm.Id);
    }

    /// <summary>A progress answer: the task's percent on that date, kept in its history.</summary>
    private static void Report(List<object> rows, WorkItem item, int percent, DateOnly date, DateTimeOffset now)
    {
        item.ReportProgress(percent, date);
        rows.Add(new ProgressSnapshot { ProjectId = item.ProjectId, WorkItemId = item.Id, Date = date, PercentComplete = percent, RecordedAt = now });
    }

    private static (CheckinTemplate Template, List<CheckinQuestion> Questions) Template(List<object> rows, Workspace workspace, string name, DateTimeOffset now)
    {
        var template = new CheckinTemplate { WorkspaceId = workspace.Id, Name = name, BuiltIn = name, CreatedAt = now };
        rows.Add(template);
        var position = 0;
        var questions = BuiltInTemplates.Questions(name)
            .Select(q => new CheckinQuestion { TemplateId = template.Id, Position = ++position, Kind = q.Kind, TextKey = q.TextKey, Required = q.Required }).ToList();
        rows.AddRange(questions);
        return (template, questions);
    }

    private static CheckinSchedule Schedule(List<object> rows, Workspace workspace, Project project, CheckinTemplate template, int number, Weekdays days, AudienceRole audience, Member pm, DateTimeOffset now)
    {
        var schedule = new CheckinSchedule
        {
            WorkspaceId = workspace.Id, ProjectId = project.Id, TemplateId = template.Id, Number = number, Days = days, LocalTime = new TimeOnly(9, 30),
            TimeZone = pm.TimeZone, Audience = audience, SummaryConversationId = "bench-channel", CreatedByMemberId = pm.Id, CreatedAt = now,
        };
        rows.Add(schedule);
        return schedule;
    }

    private static void Occurrence(List<object> rows, Random random, CheckinSchedule schedule, List<CheckinQuestion> questions, Member member, DateOnly day, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(member.TimeZone);
        var prompt = PmBot.Core.Features.Digest.DigestClock.At(day, schedule.LocalTime, zone);
        var roll = random.Next(100);
        var occurrence = new CheckinOccurrence
        {
            ScheduleId = schedule.Id, ProjectId = schedule.ProjectId, MemberId = member.Id, LocalDate = day, PromptAt = prompt, ReminderAt = prompt.AddMinutes(192),
            WindowEndsAt = prompt.AddHours(4), AnswerableUntil = prompt.AddDays(1), CreatedAt = now,
            State = roll < 5 ? OccurrenceState.Away : prompt > now ? OccurrenceState.Scheduled : roll < 15 ? OccurrenceState.Missed : OccurrenceState.Sent,
            AwayReason = roll < 5 ? AwayReason.Absence : null,
        };
        rows.Add(occurrence);
        if (occurrence.State != OccurrenceState.Sent || prompt.AddMinutes(90) > now)
            return;
        var at = prompt.AddMinutes(random.Next(1, 300));
        occurrence.MarkAnswered(at);
        var score = random.Next(1, 6);
        foreach (var question in questions)
        {
            var scale = question.Kind == QuestionKind.Scale;
            rows.Add(new CheckinAnswer
            {
                OccurrenceId = occurrence.Id, QuestionId = question.Id, AnsweredAt = at,
                Text = scale ? score.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Worked on the plan; no surprises.",
                Number = scale ? score : null,
            });
        }
    }
}

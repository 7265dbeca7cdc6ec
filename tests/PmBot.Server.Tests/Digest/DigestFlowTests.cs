using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmBot.Core.Domain;
using PmBot.Core.Features.Digest;
using PmBot.Core.Ports;
using PmBot.Server.Tests.Infrastructure;
using PmBot.Storage;

namespace PmBot.Server.Tests.Digest;

/// <summary>
/// The digest, nudges, the status summary and the participation report over check-ins written straight into the store
/// (as the check-in jobs write them), through the web chat on both stores.
/// </summary>
public sealed class DigestFlowTests
{
    /// <summary>Keeps published files in memory (the real publisher is another part of PmBot).</summary>
    private sealed class MemoryFilePublisher : IFilePublisher
    {
        public List<FileContent> Files { get; } = [];

        public Task<PublishedFile> PublishAsync(FileContent file, CancellationToken cancellationToken)
        {
            Files.Add(file);
            return Task.FromResult(new PublishedFile("https://files.test/f/" + Files.Count, DateTimeOffset.MaxValue));
        }
    }

    /// <summary>
    /// APOLLO: alice PM, bob and wei members, carla stakeholder. Three hours ago bob and wei were asked the stand-up (bob
    /// missed it, wei answered in ten minutes), carla answered the pulse with a 2 and a decision she waits for; wei
    /// reported a blocker an hour ago.
    /// </summary>
    private static async Task SeedAsync(PmBotApp app)
    {
        using (var alice = app.Chat("alice"))
        {
            await alice.AskAsync("project create \"Apollo\" key APOLLO");
            await alice.AskAsync("project use APOLLO");
            await alice.AskAsync("member add @bob member");
            await alice.AskAsync("member add @wei member");
            await alice.AskAsync("member add @carla stakeholder");
        }
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PmBotDbContext>();
        var members = await db.Members.ToDictionaryAsync(m => m.ExternalUserId);
        var project = await db.Projects.SingleAsync(p => p.Key == "APOLLO");
        var now = TimeProvider.System.GetUtcNow();

        CheckinTemplate Template(string name)
        {
            var template = new CheckinTemplate { WorkspaceId = project.WorkspaceId, Name = name, BuiltIn = name, CreatedAt = now };
            db.CheckinTemplates.Add(template);
            var position = 0;
            foreach (var (kind, key, required) in BuiltInTemplates.Questions(name))
                db.CheckinQuestions.Add(new CheckinQuestion { TemplateId = template.Id, Position = ++position, Kind = kind, TextKey = key, Required = required });
            return template;
        }
        CheckinSchedule Schedule(CheckinTemplate template, int number, AudienceRole audience)
        {
            var schedule = new CheckinSchedule
            {
                WorkspaceId = project.WorkspaceId, ProjectId = project.Id, TemplateId = template.Id, Number = number, Days = Weekdays.All,
                LocalTime = new TimeOnly(9, 0), TimeZone = "America/New_York", Audience = audience, SummaryConversationId = "dm:alice",
                CreatedByMemberId = members["alice"].Id, CreatedAt = now,
            };
            db.CheckinSchedules.Add(schedule);
            return schedule;
        }
        CheckinOccurrence Occurrence(CheckinSchedule schedule, string who, DateTimeOffset prompt, TimeSpan? answeredAfter)
        {
            var member = members[who];
            var occurrence = new CheckinOccurrence
            {
                ScheduleId = schedule.Id, ProjectId = project.Id, MemberId = member.Id,
                LocalDate = DigestClock.LocalDate(prompt, TimeZoneInfo.FindSystemTimeZoneById(member.TimeZone)),
                PromptAt = prompt, WindowEndsAt = prompt.AddHours(2), AnswerableUntil = prompt.AddDays(1), State = OccurrenceState.Sent, CreatedAt = now,
            };
            if (answeredAfter is { } after)
                occurrence.MarkAnswered(prompt + after);
            db.CheckinOccurrences.Add(occurrence);
            return occurrence;
        }

        var standup = Schedule(Template(BuiltInTemplates.Standup), 1, AudienceRole.Team);
        var pulseTemplate = Template(BuiltInTemplates.Pulse);
        var pulse = Schedule(pulseTemplate, 2, AudienceRole.Stakeholders);
        Occurrence(standup, "bob", now.AddHours(-3), null);
        var wei = Occurrence(standup, "wei", now.AddHours(-3), TimeSpan.FromMinutes(10));
        var carla = Occurrence(pulse, "carla", now.AddHours(-2), TimeSpan.FromMinutes(30));
        await db.SaveChangesAsync();
        var questions = await db.CheckinQuestions.Where(q => q.TemplateId == pulseTemplate.Id).ToDictionaryAsync(q => q.TextKey!);
        db.CheckinAnswers.Add(new CheckinAnswer { OccurrenceId = carla.Id, QuestionId = questions["checkin.q.satisfaction"].Id, Text = "2", Number = 2, AnsweredAt = now });
        db.CheckinAnswers.Add(new CheckinAnswer { OccurrenceId = carla.Id, QuestionId = questions["checkin.q.decisions"].Id, Text = "Approve the vendor contract", AnsweredAt = now });
        db.Blockers.Add(new Blocker
        {
            ProjectId = project.Id, Number = 1, MemberId = members["wei"].Id, Text = "Waiting for API keys", OpenedAt = now.AddHours(-1), ChangedAt = now.AddHours(-1), OccurrenceId = wei.Id,
        });
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task DigestNow_CheckinsBlockersAndPulse_ShowsEachWithItsButtons(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        await SeedAsync(app);
        using var alice = app.Chat("alice");

        var digest = await alice.AskAsync("digest now");

        Assert.Contains("2 of 3 answered (0 late), 1 missed, 0 away, 0 still open", digest, StringComparison.Ordinal);
        Assert.Contains("❌ Missed: Bob Smith (standup)", digest, StringComparison.Ordinal);
        Assert.Contains("✅ Answered: Carla Díaz (pulse), Wei Zhang 张伟 (standup)", digest, StringComparison.Ordinal);
        Assert.Contains("[Nudge Bob Smith]", digest, StringComparison.Ordinal);
        Assert.Contains("1 open (1 new, 0 changed), 0 resolved since the previous digest", digest, StringComparison.Ordinal);
        Assert.Contains("- 🆕 new *#1* Wei Zhang 张伟: Waiting for API keys · open 0 d", digest, StringComparison.Ordinal);
        Assert.Contains("[Resolve #1]", digest, StringComparison.Ordinal);
        Assert.Contains("average 2.0/5 over 1 latest score(s); 1 low (2 or less)", digest, StringComparison.Ordinal);
        Assert.Contains("- ⚠️ Carla Díaz: 2/5", digest, StringComparison.Ordinal);
        Assert.Contains("*Decisions waiting:*\n- Carla Díaz: “Approve the vendor contract”", digest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Nudge_MissedCheckin_DmsTheMemberOncePerDay(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        await SeedAsync(app);
        using var alice = app.Chat("alice");
        using var bob = app.Chat("bob");

        var first = await alice.AskAsync("nudge @bob");
        var dm = await bob.WaitForAsync("Alice Chen is waiting for your standup check-in");
        var second = await alice.AskAsync("nudge @bob");
        var wei = await alice.AskAsync("nudge @wei");

        Assert.Contains("Nudged Bob Smith about their standup check-in of", first, StringComparison.Ordinal);
        Assert.Contains("in APOLLO", dm.Plain, StringComparison.Ordinal);
        Assert.Contains("You already nudged Bob Smith today", second, StringComparison.Ordinal);
        Assert.Contains("Wei Zhang 张伟 has no check-in in APOLLO waiting for an answer.", wei, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task DigestButtons_AnswerFromNudgeAndResolve_RunTheirCommands(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        await SeedAsync(app);
        using var alice = app.Chat("alice");
        using var bob = app.Chat("bob");
        using var wei = app.Chat("wei");

        await alice.AskAsync("nudge @bob");
        var dm = await bob.WaitForAsync("Alice Chen is waiting for your standup check-in");
        var answer = System.Text.RegularExpressions.Regex.Match(dm.Html!, "data-command=\"(checkin answer s1-[0-9]{8})\"");
        var form = await bob.AskAsync(answer.Groups[1].Value);
        // The digest's Resolve button, pressed by the member in a conversation with no project chosen.
        var resolved = await wei.AskAsync("blocker resolve 1 project APOLLO");

        Assert.Contains("[Answer]", dm.Plain, StringComparison.Ordinal);
        Assert.True(answer.Success, dm.Html);
        Assert.Contains("{form checkin answer", form, StringComparison.Ordinal);
        Assert.Contains("阻碍 #1 已解决：Waiting for API keys", resolved, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task CheckinReport_WithFilePublisher_TableAndCsv(Store store)
    {
        var files = new MemoryFilePublisher();
        await using var app = await PmBotApp.StartAsync(store, services: s => s.AddSingleton<IFilePublisher>(files));
        await SeedAsync(app);
        using var alice = app.Chat("alice");

        var report = await alice.AskAsync("checkin report");

        Assert.Contains("Bob Smith | 1 | 0 | 0% | 0 | 1 | 0 | — | 0", report, StringComparison.Ordinal);
        Assert.Contains("Wei Zhang 张伟 | 1 | 1 | 100% | 0 | 0 | 1 | 10 min | 0", report, StringComparison.Ordinal);
        Assert.Contains("Carla Díaz | 1 | 1 | 100% | 0 | 0 | 1 | 30 min | 0", report, StringComparison.Ordinal);
        Assert.Contains("https://files.test/f/1", report, StringComparison.Ordinal);
        var csv = Assert.Single(files.Files);
        Assert.EndsWith(".csv", csv.FileName, StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(csv.Bytes);
        Assert.Contains("Bob Smith,bob,total,1,0,0,1,0,0,0.000,,0", text, StringComparison.Ordinal);
        Assert.Contains("Wei Zhang 张伟,wei,total,1,1,0,0,0,0,1.000,10.0,1", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Status_PulseAndBlocker_FeedTheSummary(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        await SeedAsync(app);
        using var wei = app.Chat("wei");

        var status = await wei.AskAsync("status APOLLO");

        Assert.Contains("风险: 🟠 黄", status, StringComparison.Ordinal);
        Assert.Contains("有 1 个未解决的阻碍，最久的已持续 0 天。", status, StringComparison.Ordinal);
        Assert.Contains("干系人满意度最近 1 个评分平均 2.0/5；2 分及以下 1 个。", status, StringComparison.Ordinal);
    }
}

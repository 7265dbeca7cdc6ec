using System.Text;
using System.Text.Json.Nodes;
using PmBot.Channels.Slack;
using PmBot.Channels.Teams.Outbound;
using PmBot.Channels.Tests.Slack;
using PmBot.Core.Domain;
using PmBot.Core.Features.Digest;
using PmBot.Core.Features.Digest.Sections;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Planning;
using PmBot.Core.Ports;

namespace PmBot.Channels.Tests.Digest;

/// <summary>A digest as large as a busy project makes it, rendered by the real Slack and Teams renderers, stays within their limits.</summary>
public class DigestLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);
    private static readonly Project Project = new() { WorkspaceId = Guid.Empty, Key = "APOLLO", Name = "Apollo 登月计划", PmMemberId = Guid.Empty };

    /// <summary>
    /// 300 members (CJK names too), 120 blockers with 1,000-character texts, 200 late tasks, 60 milestones due this week,
    /// earned value, 40 budget categories over their alert threshold, 60 stakeholders and a chart: every section at its largest.
    /// </summary>
    private static async Task<OutboundMessage> LargeDigestAsync(Localizer t, int extraSections = 0)
    {
        var members = Enumerable.Range(0, 300).Select(i => new Member
        {
            WorkspaceId = Guid.Empty, ExternalUserId = $"U{i:0000}", DisplayName = i % 3 == 0 ? $"张伟 Wei {i}" : $"Member number {i}",
        }).ToList();
        var participation = new ParticipationFigures(members.Select((m, i) => new CheckinLine(m,
            (i % 4) switch { 0 => OccurrenceState.Answered, 1 => OccurrenceState.Missed, 2 => OccurrenceState.Sent, _ => OccurrenceState.Away },
            i % 8 == 0, i % 4 == 3 ? AwayReason.Absence : null, null, true)).ToList());
        var blockers = new BlockerFigures(
            Enumerable.Range(1, 120).Select(n => new BlockerLine(
                new Blocker { ProjectId = Guid.Empty, Number = n, MemberId = members[n].Id, Text = new string('x', 500) + " 阻碍 " + new string('y', 495), OpenedAt = Now.AddDays(-n), ChangedAt = Now },
                (BlockerChange)(n % 3), members[n].DisplayName, $"APOLLO-{n} A task with a long name to carry", n)).ToList(),
            []);
        var late = Enumerable.Range(1, 200).Select(n => new TaskLine($"APOLLO-{n}", "A task name of some length " + n, members[n].DisplayName,
            new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 20), WorkItemStatus.InProgress, n % 100, n % 9)).ToList();
        var tasks = new TaskFigures(late, late.Take(30).ToList(), 4_000);
        var pulse = new PulseFigures(members.Take(60).Select((m, i) => new PulseAnswer(m, new DateOnly(2026, 11, 20), i % 5 + 1,
            new string('n', 400), i % 2 == 0 ? new string('d', 400) : null)).ToList());
        var milestones = Enumerable.Range(1, 60).Select(n => new MilestoneLine($"APOLLO-{1000 + n}", "里程碑 Milestone with a long name " + new string('m', 80),
            new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 26 + n % 5), n % 2)).ToList();
        var categories = Enumerable.Range(1, 40).Select(n => new BudgetLineStatus($"类别 category {n} " + new string('c', 40), 1_000_000, 990_000, 99, 50_000, 1_250_000, 90, true, true)).ToList();
        var budget = new BudgetReport(new DateOnly(2026, 11, 24), categories, categories[0] with { Category = "total" });
        IDigestSection[] sections =
        [
            new Fixed(ParticipationSection.Render(participation, Project, t)),
            new Fixed(BlockersSection.Render(blockers, Project, t)),
            new Fixed(TasksSection.Render(tasks, Project, t)),
            new Fixed(MilestonesSection.Render(milestones, t)),
            new Fixed(EarnedValueSection.Render(new EvmFigures(0.81m, 0.77m, 0.85m, 0.79m, 37m), t)),
            new Fixed(BudgetSection.Render(budget, t)),
            new Fixed(PulseSection.Render(pulse, t)),
            new Fixed(ChartSection.Render(new PublishedFile("https://pmbot.example/files/" + new string('f', 200), Now.AddDays(7)), "APOLLO · Apollo 登月计划: earned value S-curve", t)),
            // Sections yet to come make a digest longer still.
            .. Enumerable.Range(1, extraSections).Select(i => new Fixed(new DigestPart(
                [new TextBlock($"*Extra section {i}*\n" + new string('e', 2_000)), new FieldsBlock([new Field("SPI", "0.93"), new Field("CPI", "1.02")]), new ContextBlock("end of " + i)]))),
        ];
        var data = new ProjectData(null!, new Workspace { Channel = ChannelKind.Slack, ExternalId = "T1", Name = "w" }, Project, new DateOnly(2026, 11, 24), Now.AddDays(-1), Now);
        return await DigestBuilder.BuildAsync(data, t, TimeZoneInfo.Utc, CancellationToken.None, sections);
    }

    public static TheoryData<string> Languages => new() { "en", "zh-CN" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Slack_LargeDigest_PagesOfAtMostFiftyBlocksWithinEveryLimit(string locale)
    {
        var message = await LargeDigestAsync(Localizer.For(locale));

        var rendered = SlackBlockKitRenderer.RenderMessage(message);

        // Each section lists a bounded number of lines, so all eight sections fit one message however large the project.
        Assert.InRange(Assert.Single(rendered.Pages).Count, 1, SlackLimits.BlocksPerMessage);
        Assert.Empty(SlackLimitChecker.CheckMessage(new JsonObject { ["text"] = rendered.Text, ["pages"] = new JsonArray([.. rendered.Pages.Select(p => p.DeepClone())]) }));
        var all = string.Join('\n', rendered.Pages.Select(p => p.ToJsonString()));
        Assert.Contains("blocker resolve 1 project APOLLO", all, StringComparison.Ordinal);
        Assert.Contains("plan schedule project APOLLO", all, StringComparison.Ordinal);
        Assert.Contains("dddd", all, StringComparison.Ordinal); // the pulse's decisions, near the end, are not lost
        Assert.Contains("APOLLO-1001", all, StringComparison.Ordinal);
        Assert.Contains("SPI 0.81", all, StringComparison.Ordinal);
        Assert.Contains("category 1 ", all, StringComparison.Ordinal);
        Assert.Contains("\"image_url\":\"https://pmbot.example/files/", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_DigestWithMoreSections_PaginatedInOrder()
    {
        var message = await LargeDigestAsync(Localizer.English, extraSections: 20);

        var rendered = SlackBlockKitRenderer.RenderMessage(message);

        Assert.True(rendered.Pages.Count > 1, $"{rendered.Pages.Sum(p => p.Count)} blocks should need more than one message");
        Assert.All(rendered.Pages, page => Assert.InRange(page.Count, 1, SlackLimits.BlocksPerMessage));
        Assert.Empty(SlackLimitChecker.CheckMessage(new JsonObject { ["text"] = rendered.Text, ["pages"] = new JsonArray([.. rendered.Pages.Select(p => p.DeepClone())]) }));
        Assert.Contains("Daily digest", rendered.Pages[0].ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("end of 20", rendered.Pages[^1].ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Teams_LargeDigest_EveryActivityUnderEightyKilobytes(string locale)
    {
        var message = await LargeDigestAsync(Localizer.For(locale), extraSections: 20);

        var activities = new AdaptiveCardRenderer().RenderActivities(message);

        Assert.NotEmpty(activities);
        Assert.All(activities, a => Assert.True(Encoding.UTF8.GetByteCount(a.ToJsonString()) < AdaptiveCardRenderer.DefaultMaxActivityBytes,
            $"an activity has {Encoding.UTF8.GetByteCount(a.ToJsonString())} bytes"));
        var all = string.Join('\n', activities.Select(a => a.ToJsonString()));
        Assert.Contains("blocker resolve 1 project APOLLO", all, StringComparison.Ordinal);
        Assert.Contains("dddd", all, StringComparison.Ordinal);
        Assert.Contains("APOLLO-1001", all, StringComparison.Ordinal);
        Assert.Contains("https://pmbot.example/files/", all, StringComparison.Ordinal);
    }

    private sealed class Fixed(DigestPart part) : IDigestSection
    {
        public Task<DigestPart> BuildAsync(ProjectData data, Localizer t, CancellationToken cancellationToken) => Task.FromResult(part);
    }
}

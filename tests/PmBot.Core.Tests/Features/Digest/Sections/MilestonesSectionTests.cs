using PmBot.Core.Domain;
using PmBot.Core.Features.Digest;
using PmBot.Core.Features.Digest.Sections;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Planning;
using static PmBot.Core.Tests.Features.Digest.DigestFixtures;

namespace PmBot.Core.Tests.Features.Digest.Sections;

public class MilestonesSectionTests
{
    // From Monday 2026-11-16: A 8 days (to Wed 25), then milestone "Beta" (target Tue 24: late); B 3 days (to Wed 18),
    // then milestone "Alpha" (target Fri 27: early); "Launch" after A, target 2027-01-15 (due in more than a week? its
    // forecast is Wed 25, so it is listed); "Done" is done; "Later" after C (20 days, to Fri Dec 11), target Dec 11.
    private static IReadOnlyList<MilestoneLine> Lines()
    {
        var project = Project(start: new DateOnly(2026, 11, 16));
        var wbs = Wbs(project,
            ("A", 8, 0, WorkItemStatus.InProgress),
            ("Beta", 0, 0, WorkItemStatus.NotStarted),
            ("B", 3, 0, WorkItemStatus.Done),
            ("Alpha", 0, 0, WorkItemStatus.NotStarted),
            ("Done", 0, 0, WorkItemStatus.Done),
            ("C", 20, 0, WorkItemStatus.InProgress),
            ("Later", 0, 0, WorkItemStatus.NotStarted));
        foreach (var (index, target) in new[] { (1, new DateOnly(2026, 11, 24)), (3, new DateOnly(2026, 11, 27)), (4, new DateOnly(2026, 11, 25)), (6, new DateOnly(2026, 12, 11)) })
        {
            wbs.Items[index].IsMilestone = true;
            wbs.Items[index].TargetDate = target;
        }
        var schedule = CpmScheduler.Schedule(new ScheduleInput(project.PlannedStart!.Value,
            [new("APOLLO-1", 8), new("APOLLO-2", 0), new("APOLLO-3", 3), new("APOLLO-4", 0), new("APOLLO-5", 0), new("APOLLO-6", 20), new("APOLLO-7", 0)],
            [new("APOLLO-1", "APOLLO-2"), new("APOLLO-3", "APOLLO-4"), new("APOLLO-6", "APOLLO-7")]));
        return MilestonesSection.Compute(wbs, schedule, Today);
    }

    [Fact]
    public void Compute_NextSevenDays_OpenMilestonesWithForecastAndSlip()
    {
        var lines = Lines();

        Assert.Equal(["APOLLO-2", "APOLLO-4"], lines.Select(l => l.Id));
        var beta = lines[0];
        Assert.Equal(new DateOnly(2026, 11, 24), beta.Target);
        Assert.True(beta.Forecast > beta.Target);
        Assert.True(beta.Late);
        Assert.False(lines[1].Late);
    }

    [Fact]
    public void Render_LateMilestone_FlaggedAndInTheHeadline()
    {
        var part = MilestonesSection.Render(Lines(), Localizer.English);

        var text = Assert.IsType<TextBlock>(Assert.Single(part.Blocks)).Markdown;
        Assert.Contains("2 in the next 7 days, 1 forecast after target", text, StringComparison.Ordinal);
        Assert.Contains("- ⚠️ *APOLLO-2* Beta · target 2026-11-24, forecast ", text, StringComparison.Ordinal);
        Assert.Contains("- *APOLLO-4* Alpha · target 2026-11-27", text, StringComparison.Ordinal);
        Assert.Equal("1 milestones late", part.Headline);
    }

    [Fact]
    public void Render_NoMilestoneSoon_LeftOut()
    {
        Assert.Same(DigestPart.None, MilestonesSection.Render([], Localizer.English));
    }
}

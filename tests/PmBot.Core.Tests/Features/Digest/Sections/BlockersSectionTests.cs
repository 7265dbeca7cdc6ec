using PmBot.Core.Domain;
using PmBot.Core.Features.Digest.Sections;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using static PmBot.Core.Tests.Features.Digest.DigestFixtures;

namespace PmBot.Core.Tests.Features.Digest.Sections;

public class BlockersSectionTests
{
    private static readonly Member Bob = Member("Bob");
    private static readonly Member Wei = Member("Wei");

    private static BlockerFigures Figures(PmBot.Core.Features.Plan.Wbs? wbs = null, Guid? task = null) => BlockersSection.Compute(
        [
            Blocker(1, Bob, opened: Since.AddDays(-5)),                                    // unchanged for 6 days
            Blocker(2, Wei, opened: Since.AddDays(-2), changed: Since.AddHours(3)),        // changed since the last digest
            Blocker(3, Bob, opened: Since.AddHours(5), task: task),                        // new
            Blocker(4, Wei, opened: Since.AddDays(-3), resolved: Since.AddHours(1)),       // resolved since the last digest
        ],
        ById(Bob, Wei), wbs, Since, Now, Localizer.English);

    [Fact]
    public void Compute_SinceLastDigest_MarksNewChangedUnchangedResolved()
    {
        var figures = Figures();

        Assert.Equal([(3, BlockerChange.New), (2, BlockerChange.Changed), (1, BlockerChange.Unchanged)], figures.Open.Select(l => (l.Blocker.Number, l.Change)));
        Assert.Equal(4, Assert.Single(figures.Resolved).Blocker.Number);
        Assert.Equal(6, figures.Open.Single(l => l.Blocker.Number == 1).OpenDays);
    }

    [Fact]
    public void Compute_BlockerOnATask_NamesTheTask()
    {
        var project = Project();
        var wbs = Wbs(project, ("Design", 3, 0, WorkItemStatus.InProgress));

        var line = Figures(wbs, wbs.Items[0].Id).Open.Single(l => l.Blocker.Number == 3);

        Assert.Equal("APOLLO-1 Design", line.Task);
    }

    [Fact]
    public void Render_OpenAndResolved_MarksEachAndOffersResolveButtons()
    {
        var part = BlockersSection.Render(Figures(), Project(), Localizer.English);

        var text = Assert.IsType<TextBlock>(part.Blocks[0]).Markdown;
        Assert.Contains("3 open (1 new, 1 changed), 1 resolved since the previous digest", text, StringComparison.Ordinal);
        Assert.Contains("- 🆕 new *#3* Bob: Blocker 3 · open 0 d", text, StringComparison.Ordinal);
        Assert.Contains("- ✏️ changed *#2* Wei: Blocker 2", text, StringComparison.Ordinal);
        Assert.Contains("- ⏸ unchanged *#1* Bob: Blocker 1 · open 6 d", text, StringComparison.Ordinal);
        Assert.Contains("✅ Resolved: #4 Blocker 4", text, StringComparison.Ordinal);
        Assert.Equal(["blocker resolve 3 project APOLLO", "blocker resolve 2 project APOLLO", "blocker resolve 1 project APOLLO"],
            Assert.IsType<ActionsBlock>(part.Blocks[1]).Buttons.Select(b => b.Command));
        Assert.Equal("3 blockers open (1 new)", part.Headline);
    }

    [Fact]
    public void Compute_NextDigest_CarriesOpenOnesAsUnchanged()
    {
        var blockers = new[] { Blocker(3, Bob, opened: Since.AddHours(5)) };

        var tomorrow = BlockersSection.Compute(blockers, ById(Bob), null, Now, Now.AddDays(1), Localizer.English);

        Assert.Equal(BlockerChange.Unchanged, Assert.Single(tomorrow.Open).Change);
        Assert.Empty(tomorrow.Resolved);
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PmBot.Channels.Teams.Outbound;
using PmBot.Core.Messages;

namespace PmBot.Channels.Tests.Teams.Outbound;

public class AdaptiveCardRendererTests
{
    private readonly AdaptiveCardRenderer _renderer = new();

    public static TheoryData<string> BlockNames() => [.. SampleMessages.Blocks.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(BlockNames))]
    public void RenderActivities_EachBlockType_MatchesGolden(string name)
    {
        var block = SampleMessages.Blocks[name];
        var activities = _renderer.RenderActivities(new OutboundMessage([block], "Fallback for " + name));
        TeamsGoldens.AssertActivities("block-" + name, activities);
    }

    [Fact]
    public void RenderActivities_ProjectCard_MatchesGolden() =>
        TeamsGoldens.AssertActivities("project-card", _renderer.RenderActivities(SampleMessages.ProjectCard()));

    [Fact]
    public void RenderCard_ProjectCard_MatchesGolden() =>
        TeamsGoldens.Assert("card-project", _renderer.RenderCard(SampleMessages.ProjectCard()));

    [Fact]
    public void RenderBlock_EveryConcreteBlockType_Renders()
    {
        var blockTypes = typeof(Block).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Block)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(blockTypes);
        var sampled = SampleMessages.Blocks.Values.Select(b => b.GetType()).ToHashSet();
        foreach (var type in blockTypes)
        {
            Assert.True(sampled.Contains(type), $"SampleMessages has no {type.Name}: add one (and its golden).");
            var elements = AdaptiveCardRenderer.RenderBlock(SampleMessages.Blocks.Values.First(b => b.GetType() == type));
            Assert.NotEmpty(elements);
        }
    }

    [Fact]
    public void RenderActivities_CardAttached_TextEmptyAndSummaryIsFallback()
    {
        var activity = Assert.Single(_renderer.RenderActivities(SampleMessages.ProjectCard()));
        Assert.Equal("message", (string?)activity["type"]);
        Assert.Null(activity["text"]);
        Assert.Equal("APOLLO · Moon landing", (string?)activity["summary"]);
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!;
        Assert.Equal(AdaptiveCardRenderer.CardContentType, (string?)attachment["contentType"]);
        Assert.Equal("1.5", (string?)attachment["content"]!["version"]);
    }

    [Fact]
    public void RenderActivities_ButtonAndForm_UseFixedDataContract()
    {
        var card = _renderer.RenderCard(new OutboundMessage([SampleMessages.Blocks["actions"], SampleMessages.Blocks["form"]], ""));
        var json = card.ToJsonString();
        var button = card["body"]![0]!["actions"]![0]!;
        Assert.Equal("Action.Execute", (string?)button["type"]);
        Assert.Equal("pmbot", (string?)button["verb"]);
        Assert.Equal("project show APOLLO", (string?)button["data"]!["pmbot"]!["command"]);
        Assert.Equal("Action.Submit", (string?)button["fallback"]!["type"]);
        Assert.Equal("project show APOLLO", (string?)button["fallback"]!["data"]!["pmbot"]!["command"]);
        Assert.Contains("\"form\":\"project create\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderActivities_NoBlocks_PlainTextActivity()
    {
        var activity = Assert.Single(_renderer.RenderActivities(new OutboundMessage([], "hello")));
        Assert.Equal("hello", (string?)activity["text"]);
        Assert.Null(activity["attachments"]);
    }

    [Fact]
    public void RenderActivities_LargeMessage_SplitUnderLimit()
    {
        var rows = Enumerable.Range(1, 2000).Select(i => (IReadOnlyList<string>)[$"T-{i}", $"Task number {i} with a longish name", "Todo"]).ToArray();
        var message = new MessageBuilder().Heading("Tasks").Table(["Key", "Name", "State"], rows).Text(new string('x', 50_000)).Build();

        var activities = _renderer.RenderActivities(message);

        Assert.True(activities.Count > 2, $"Expected a split, got {activities.Count} activities.");
        foreach (var activity in activities)
            Assert.True(Encoding.UTF8.GetByteCount(activity.ToJsonString()) <= AdaptiveCardRenderer.DefaultMaxActivityBytes);
        var allRows = activities.SelectMany(a => a["attachments"]![0]!["content"]!["body"]!.AsArray())
            .Where(e => (string?)e!["type"] == "Table").Sum(t => t!["rows"]!.AsArray().Count - 1);
        Assert.Equal(2000, allRows);
    }

    [Fact]
    public void ToTextBlocks_MarkdownSubset_ConvertedToAdaptiveMarkdown()
    {
        var blocks = AdaptiveMarkdown.ToTextBlocks("*bold* and _it_ and `code`\n- a\n- b\n```\nx = 1\n```");
        Assert.Equal("**bold** and _it_ and code\n\n- a\n- b", (string?)blocks[0]!["text"]);
        Assert.Equal("x = 1", (string?)blocks[1]!["text"]);
        Assert.Equal("Monospace", (string?)blocks[1]!["fontType"]);
    }

    [Fact]
    public void Goldens_ParsedWithAdaptiveCardsPackage_NoErrors()
    {
        NodeTool.EnsureInstalled();
        var goldens = Directory.GetFiles(TeamsGoldens.Folder(), "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.True(goldens.Count >= 10, $"Expected the goldens in {TeamsGoldens.Folder()}.");

        var run = NodeTool.Run("node", ["check-cards.js", .. goldens], TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0, $"adaptivecards rejects a golden:\n{run.Output}");
        var result = JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;
        Assert.True((int)result["checked"]! >= goldens.Count);
        Assert.Empty(result["problems"]!.AsArray());
    }

    [Fact]
    public void CardChecker_BrokenCard_ReportsProblems()
    {
        NodeTool.EnsureInstalled();
        var file = Path.Combine(Path.GetTempPath(), $"pmbot-bad-card-{Guid.NewGuid():N}.json");
        var bad = new JsonObject
        {
            ["type"] = "AdaptiveCard", ["version"] = "1.5",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "Input.Text", ["id"] = "a" },
                new JsonObject { ["type"] = "Input.Text", ["id"] = "a" },
                new JsonObject { ["type"] = "NoSuchElement" }),
        };
        File.WriteAllText(file, bad.ToJsonString(new JsonSerializerOptions()));
        try
        {
            var run = NodeTool.Run("node", ["check-cards.js", file], TimeSpan.FromMinutes(1));
            Assert.Equal(1, run.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using PmBot.Channels.Teams.Outbound;
using PmBot.Core.Messages;

namespace PmBot.Channels.Tests.Teams.Outbound;

/// <summary>Teams fetches card images itself: PmBot's relative file URLs must become absolute.</summary>
public class AdaptiveCardRendererUrlTests
{
    private const string Chart = "/files/0f8fad5bd9cb469fa16570867728950e?exp=1790000000&sig=a-b_c";

    [Fact]
    public void RenderCard_RelativeImageWithPublicBaseUrl_IsAbsoluteAndExpandable()
    {
        var renderer = new AdaptiveCardRenderer(publicBaseUrl: new Uri("https://pmbot.example.com/"));

        var card = renderer.RenderCard(new OutboundMessage([new ImageBlock(Chart, "Gantt chart")], "Gantt"));

        var image = card["body"]![0]!;
        Assert.Equal("Image", (string?)image["type"]);
        Assert.Equal("https://pmbot.example.com" + Chart, (string?)image["url"]);
        Assert.True((bool)image["msTeams"]!["allowExpand"]!);
    }

    [Fact]
    public void RenderCard_RelativeImageWithoutPublicBaseUrl_ShowsTheAltText()
    {
        var card = new AdaptiveCardRenderer().RenderCard(new OutboundMessage([new ImageBlock(Chart, "Gantt chart")], "Gantt"));

        var element = Assert.Single(card["body"]!.AsArray());
        Assert.Equal("TextBlock", (string?)element!["type"]);
        Assert.Equal("Gantt chart", (string?)element["text"]);
    }

    [Fact]
    public void RenderCard_RelativeFile_LinksAbsoluteOrNamesIt()
    {
        var file = new OutboundMessage([new FileBlock("/files/abc?exp=1&sig=x", "apollo.csv", "Plan export")], "csv");

        var linked = new AdaptiveCardRenderer(publicBaseUrl: new Uri("https://pmbot.example.com/base/")).RenderCard(file);
        var named = new AdaptiveCardRenderer().RenderCard(file);

        Assert.Equal("⬇ [Plan export](https://pmbot.example.com/files/abc?exp=1&sig=x)", (string?)linked["body"]![0]!["text"]);
        Assert.Equal("Plan export", (string?)named["body"]![0]!["text"]);
    }

    [Theory]
    [InlineData("/files/x?a=1", "https://h.example/files/x?a=1")]
    [InlineData("https://cdn.example/logo.png", "https://cdn.example/logo.png")]
    [InlineData("//evil.example/x.png", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("files/x", null)]
    public void Resolve_Url_AbsoluteHttpOrNull(string url, string? expected) =>
        Assert.Equal(expected, PublicUrl.Resolve(url, new Uri("https://h.example/")));
}

using System.Text.Json.Nodes;

namespace PmBot.E2E.Tests;

/// <summary>PmBot in the real Microsoft 365 Agents Playground: install, a command, and both kinds of card buttons.</summary>
public sealed class PlaygroundTests(PlaygroundFixture playground) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task Playground_InstallHelpAndCardButtons_RepliesAreShownInTheChat()
    {
        await playground.InstallAsync();
        await playground.WaitForBotMessageAsync("I plan and track your projects right here in Teams");

        await playground.SayAsync("help");
        var help = await playground.WaitForBotMessageAsync("PmBot commands");
        var card = (string)help["message"]!["messageId"]!;

        // Action.Execute of a form: the answer replaces the card (the invoke response).
        var executed = await playground.ExecuteAsync(new JsonObject { ["pmbot"] = new JsonObject { ["form"] = "project create" }, ["name"] = "Apollo" }, card);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)executed["type"]);
        Assert.Contains("Project APOLLO created", executed.ToJsonString(), StringComparison.Ordinal);

        // Action.Submit of a button: the answer is a new message in the chat.
        await playground.SubmitAsync(new JsonObject { ["pmbot"] = new JsonObject { ["command"] = "project list" } }, card);
        await playground.WaitForBotMessageAsync("Projects (1)");
    }
}

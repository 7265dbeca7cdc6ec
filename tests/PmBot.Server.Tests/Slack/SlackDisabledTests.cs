using System.Net;
using PmBot.Server.Tests.Infrastructure;

namespace PmBot.Server.Tests.Slack;

public sealed class SlackDisabledTests
{
    [Fact]
    public async Task SlackEndpoints_WithoutSlackConfiguration_Are404AndTheRestWorks()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        using var http = app.CreateClient();

        var slack = await http.PostAsync("/api/slack/commands", new StringContent("text=help"));
        var health = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.NotFound, slack.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PmBot.Channels.Slack;
using PmBot.Channels.Slack.SocketMode;
using PmBot.Channels.Tests.Slack.Fakes;
using PmBot.TestSupport.Slack;
using PmBot.Core.Domain;
using PmBot.Core.Outbox;

namespace PmBot.Channels.Tests.Slack.WebApi;

public class SlackChannelServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddSlackChannel_WithTokenProviderAndRenderer_ResolvesOneSenderAndSharedClient()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<ISlackTokenProvider, StubSlackTokens>();
        services.AddSingleton<ISlackMessageRenderer, StubSlackRenderer>();
        services.AddSlackChannel(o => o.PerWorkspacePerSecond = 5);
        services.AddSlackSocketMode(_ => (_, _) => Task.FromResult<System.Text.Json.Nodes.JsonNode?>(null));

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var sender = Assert.Single(provider.GetServices<IChannelSender>());
        Assert.Equal(ChannelKind.Slack, sender.Channel);
        Assert.Equal(5, sender.Limits.PerWorkspacePerSecond);
        Assert.Same(provider.GetRequiredService<SlackWebApiClient>(), provider.GetRequiredService<SlackWebApiClient>());
        Assert.NotNull(provider.GetRequiredService<SlackSocketModeClient>());
    }
}

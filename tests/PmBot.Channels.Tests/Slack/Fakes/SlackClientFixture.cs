using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PmBot.Channels.Slack;

using PmBot.TestSupport.Slack;

namespace PmBot.Channels.Tests.Slack.Fakes;

/// <summary>A fake Slack plus a client pointed at it, with short timeouts and captured logs.</summary>
public sealed class SlackClientFixture : IAsyncDisposable
{
    public const string TokenA = "xoxb-team-a-SECRET-111";
    public const string TokenB = "xoxb-team-b-SECRET-222";

    private readonly HttpClient _http;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    private SlackClientFixture(FakeSlackServer fake, SlackOptions options)
    {
        Fake = fake;
        Options = options;
        options.ApiBaseAddress = fake.ApiBase;
        _http = new HttpClient { BaseAddress = fake.ApiBase };
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        Resilience = new SlackWorkspaceResilience(wrapped, TimeProvider.System, Logs.For<SlackWorkspaceResilience>());
        Client = new SlackWebApiClient(_http, Resilience, _cache, wrapped, TimeProvider.System, Logs.For<SlackWebApiClient>());
    }

    public FakeSlackServer Fake { get; }

    public SlackOptions Options { get; }

    public CapturingLoggerFactory Logs { get; } = new();

    public SlackWorkspaceResilience Resilience { get; }

    public SlackWebApiClient Client { get; }

    public static SlackCredentials A { get; } = new(TokenA, "T_A");

    public static SlackCredentials B { get; } = new(TokenB, "T_B");

    public static async Task<SlackClientFixture> StartAsync(Action<SlackOptions>? configure = null)
    {
        var options = new SlackOptions
        {
            RequestTimeout = TimeSpan.FromMilliseconds(1500),
            TransientRetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryAfterWait = TimeSpan.FromSeconds(5),
            BreakerMinimumThroughput = 3,
            BreakerFailureRatio = 0.5,
            BreakerSamplingDuration = TimeSpan.FromSeconds(30),
            BreakerBreakDuration = TimeSpan.FromSeconds(30),
            SocketModeReconnectBaseDelay = TimeSpan.FromMilliseconds(50),
            SocketModeMaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        };
        configure?.Invoke(options);
        return new SlackClientFixture(await FakeSlackServer.StartAsync(), options);
    }

    public IOptions<SlackOptions> WrappedOptions => Microsoft.Extensions.Options.Options.Create(Options);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _cache.Dispose();
        await Fake.DisposeAsync();
    }
}

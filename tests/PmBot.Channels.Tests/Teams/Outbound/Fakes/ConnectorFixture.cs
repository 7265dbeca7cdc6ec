using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PmBot.Channels.Teams.Outbound;

using PmBot.TestSupport.Teams;

namespace PmBot.Channels.Tests.Teams.Outbound.Fakes;

/// <summary>A fake Bot Connector plus a client (with credentials, the fake's URL trusted, short delays) pointed at it.</summary>
public sealed class ConnectorFixture : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly HttpClient _tokenHttp = new();

    private ConnectorFixture(FakeBotConnector fake, BotConnectorOptions options, TimeProvider time)
    {
        Fake = fake;
        Options = options;
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        Tokens = new BotConnectorTokenProvider(_tokenHttp, wrapped, time);
        Trusted = new TrustedServiceUrls(wrapped);
        Client = new BotConnectorClient(_http, Tokens, Trusted, wrapped, time, NullLogger<BotConnectorClient>.Instance);
    }

    public FakeBotConnector Fake { get; }
    public BotConnectorOptions Options { get; }
    public BotConnectorTokenProvider Tokens { get; }
    public TrustedServiceUrls Trusted { get; }
    public BotConnectorClient Client { get; }

    /// <summary>The trusted service URL (a path like Teams' <c>/teams/</c>, without its trailing slash).</summary>
    public Uri ServiceUrl => new(Fake.BaseAddress, "teams");

    public static async Task<ConnectorFixture> StartAsync(bool credentials = true, TimeProvider? time = null, Action<BotConnectorOptions>? configure = null)
    {
        var fake = await FakeBotConnector.StartAsync();
        var options = new BotConnectorOptions
        {
            AppId = credentials ? "11111111-2222-3333-4444-555555555555" : null,
            AppPassword = credentials ? "s3cret" : null,
            LoginBaseAddress = fake.BaseAddress,
            TransientRetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RequestTimeout = TimeSpan.FromSeconds(5),
            MaxRetryAfterWait = TimeSpan.FromSeconds(2),
        };
        options.TrustedServiceUrls.Add(new Uri(fake.BaseAddress, "teams/"));
        configure?.Invoke(options);
        return new ConnectorFixture(fake, options, time ?? TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        Tokens.Dispose();
        _http.Dispose();
        _tokenHttp.Dispose();
        await Fake.DisposeAsync();
    }
}

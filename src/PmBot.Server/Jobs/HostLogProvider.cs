using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace PmBot.Server.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a static. When one process hosts PmBot more than once (tests, an in-process
/// restart), a stopped host's disposed logger factory must not break the next host: this provider logs through
/// the current host and falls back to silence for a factory that is gone.
/// </summary>
public sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}

using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PmBot.Channels.Slack;

/// <summary>
/// One resilience pipeline per workspace (team), kept for the life of the process so that each workspace has its
/// own circuit breaker: a broken workspace fails fast without slowing calls to the others. From the outside in:
/// retry (429 after Retry-After for every method; 5xx, timeouts and network errors with backoff and jitter only
/// for idempotent methods), circuit breaker (5xx, timeouts, network errors), per-attempt timeout.
/// </summary>
public sealed class SlackWorkspaceResilience
{
    /// <summary>The Web API method of the call (for the retry decision and logs).</summary>
    public static readonly ResiliencePropertyKey<string> MethodKey = new("slack.method");

    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.Ordinal);
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackWorkspaceResilience> _log;

    public SlackWorkspaceResilience(IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackWorkspaceResilience> log)
    {
        _options = options.Value;
        _time = time;
        _log = log;
    }

    /// <summary>The pipeline of one workspace (team id, or PmBot's workspace id); created on first use.</summary>
    public ResiliencePipeline<HttpResponseMessage> For(string workspaceKey) => _pipelines.GetOrAdd(workspaceKey, Build);

    private ResiliencePipeline<HttpResponseMessage> Build(string workspaceKey)
    {
        var maxRetries = Math.Max(1, Math.Max(_options.MaxRateLimitRetries, _options.MaxTransientRetries));
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.TransientRetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.AttemptNumber, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } r
                    ? RetryAfter(r, _time) ?? TimeSpan.FromSeconds(1)
                    : (TimeSpan?)null),
                OnRetry = args =>
                {
                    _log.LogWarning("Slack {Method} for workspace {Workspace}: {Failure}; retry {Retry} in {Delay}",
                        Method(args.Context), workspaceKey, Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = _options.BreakerFailureRatio,
                MinimumThroughput = Math.Max(2, _options.BreakerMinimumThroughput),
                SamplingDuration = _options.BreakerSamplingDuration,
                BreakDuration = _options.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context)),
                OnOpened = args =>
                {
                    _log.LogWarning("Slack circuit for workspace {Workspace} opened for {Duration} after {Failure}",
                        workspaceKey, args.BreakDuration, Describe(args.Outcome));
                    return default;
                },
                OnClosed = _ =>
                {
                    _log.LogInformation("Slack circuit for workspace {Workspace} closed", workspaceKey);
                    return default;
                },
            })
            .AddTimeout(_options.RequestTimeout)
            .Build();
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber, ResilienceContext context)
    {
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited)
        {
            var wait = RetryAfter(limited, _time) ?? TimeSpan.FromSeconds(1);
            return attemptNumber < _options.MaxRateLimitRetries && wait <= _options.MaxRetryAfterWait;
        }
        return attemptNumber < _options.MaxTransientRetries
            && SlackApiMethods.IsIdempotent(Method(context))
            && IsTransient(outcome, context);
    }

    /// <summary>5xx, a per-attempt timeout, a network error, or an HttpClient timeout (not the caller's cancellation).</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome, ResilienceContext context) => outcome switch
    {
        { Result: { } r } => (int)r.StatusCode >= 500,
        { Exception: TimeoutRejectedException or HttpRequestException } => true,
        { Exception: OperationCanceledException } => !context.CancellationToken.IsCancellationRequested,
        _ => false,
    };

    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private static string Method(ResilienceContext context) =>
        context.Properties.TryGetValue(MethodKey, out var method) ? method : "unknown";

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } r ? "HTTP " + (int)r.StatusCode : outcome.Exception?.GetType().Name ?? "unknown";
}

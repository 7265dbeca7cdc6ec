using System.Net;

namespace PmBot.Channels.Slack;

/// <summary>Slack answered <c>ok:false</c>: <see cref="Error"/> is Slack's error code (e.g. <c>channel_not_found</c>).</summary>
public class SlackApiException : Exception
{
    public SlackApiException()
        : this("unknown", "unknown_error", null)
    {
    }

    public SlackApiException(string message)
        : this("unknown", "unknown_error", message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
        Error = "unknown_error";
    }

    public SlackApiException(string method, string error, string? warning, IReadOnlyList<string>? messages = null)
        : base($"Slack {method} failed: {error}" + (warning is null ? "" : $" (warning: {warning})"))
    {
        Method = method;
        Error = error;
        Warning = warning;
        Messages = messages ?? [];
    }

    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's <c>error</c> code.</summary>
    public string Error { get; }

    /// <summary>Slack's <c>warning</c>, if any.</summary>
    public string? Warning { get; }

    /// <summary><c>response_metadata.messages</c> (details of e.g. <c>invalid_blocks</c>).</summary>
    public IReadOnlyList<string> Messages { get; } = [];
}

/// <summary>Slack answered HTTP 429 and the bounded in-process retries did not get through.</summary>
public sealed class SlackRateLimitedException : SlackApiException
{
    public SlackRateLimitedException()
        : base("unknown", "ratelimited", null)
    {
    }

    public SlackRateLimitedException(string message)
        : base(message)
    {
    }

    public SlackRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackRateLimitedException(string method, TimeSpan? retryAfter)
        : base(method, "ratelimited", null)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Slack's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>
/// Slack could not be reached or failed (5xx, a timeout, a network error, or this workspace's circuit is open).
/// Whether the request was processed is unknown.
/// </summary>
public sealed class SlackUnavailableException : Exception
{
    public SlackUnavailableException()
    {
        Method = "unknown";
    }

    public SlackUnavailableException(string message)
        : base(message)
    {
        Method = "unknown";
    }

    public SlackUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
    }

    public SlackUnavailableException(string method, string reason, HttpStatusCode? statusCode, TimeSpan? retryAfter, Exception? innerException)
        : base($"Slack {method} unavailable: {reason}", innerException)
    {
        Method = method;
        Reason = reason;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public string Method { get; }

    /// <summary><c>http_503</c>, <c>timeout</c>, <c>network</c> or <c>circuit_open</c>.</summary>
    public string Reason { get; } = "unknown";

    public HttpStatusCode? StatusCode { get; }

    /// <summary>How long before trying again makes sense (an open circuit's remaining break), if known.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsCircuitOpen => Reason == "circuit_open";
}

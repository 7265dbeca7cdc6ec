using System.Net;

namespace PmBot.Channels.Teams.Outbound;

/// <summary>A Bot Connector call failed. <see cref="StatusCode"/> is null when there was no HTTP answer.</summary>
public class BotConnectorException : Exception
{
    public BotConnectorException()
    {
    }

    public BotConnectorException(string message) : base(message)
    {
    }

    public BotConnectorException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    public BotConnectorException(string operation, HttpStatusCode? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
    }

    public string Operation { get; } = "";
    public HttpStatusCode? StatusCode { get; }
}

/// <summary>429 with a Retry-After longer than the client waits in-process, or still 429 after its retries.</summary>
public sealed class BotConnectorRateLimitedException : BotConnectorException
{
    public BotConnectorRateLimitedException(string operation, TimeSpan? retryAfter)
        : base(operation, HttpStatusCode.TooManyRequests, $"Bot Connector {operation}: rate limited (429), retry after {retryAfter?.ToString() ?? "unspecified"}.")
    {
        RetryAfter = retryAfter;
    }

    public TimeSpan? RetryAfter { get; }
}

/// <summary>412, 5xx, a timeout or a network error that was not (or no longer) retried: the outcome is unknown for a POST.</summary>
public sealed class BotConnectorTransientException : BotConnectorException
{
    public BotConnectorTransientException(string operation, HttpStatusCode? statusCode, string message, Exception? innerException = null)
        : base(operation, statusCode, message, innerException)
    {
    }
}

/// <summary>403: the bot was removed from the conversation or blocked by the user. Never retried.</summary>
public sealed class BotConnectorForbiddenException : BotConnectorException
{
    public BotConnectorForbiddenException(string operation, string message) : base(operation, HttpStatusCode.Forbidden, message)
    {
    }
}

/// <summary>413 (MessageSizeTooBig): the activity must be made smaller.</summary>
public sealed class MessageTooLargeException : BotConnectorException
{
    public MessageTooLargeException(string operation, string message) : base(operation, HttpStatusCode.RequestEntityTooLarge, message)
    {
    }
}

/// <summary>The service URL is not in the trusted list, so the bot's token is not sent there (nothing was sent).</summary>
public sealed class UntrustedServiceUrlException : BotConnectorException
{
    public UntrustedServiceUrlException(Uri serviceUrl)
        : base("auth", null, $"Service URL {serviceUrl.GetLeftPart(UriPartial.Authority)} is not trusted; the bot token is not sent there.")
    {
        ServiceUrl = serviceUrl;
    }

    public Uri ServiceUrl { get; }
}

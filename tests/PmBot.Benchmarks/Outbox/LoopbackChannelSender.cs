using System.Net;
using System.Text;
using PmBot.Core.Domain;
using PmBot.Core.Outbox;

namespace PmBot.Benchmarks.Outbox;

/// <summary>
/// Sends outbox rows to the <see cref="FakeChannel"/> over real HTTP. A re-claimed row (attempt above 1) may already
/// have reached the channel before a crash, so it first asks the channel and reports Sent without re-posting when the
/// key is known: PmBot's designed crash safety.
/// </summary>
/// <param name="http">A client whose base address is the fake.</param>
/// <param name="dispatcher">This dispatcher's name, sent as <c>X-Dispatcher</c>.</param>
public sealed class LoopbackChannelSender(HttpClient http, string dispatcher) : IChannelSender
{
    public ChannelKind Channel => ChannelKind.WebChat;

    public DeliveryLimits Limits => DeliveryLimits.Unlimited;

    private long _sends;
    private long _ticks;

    /// <summary>Sends and their mean duration (for the worker's report).</summary>
    public string Summary()
    {
        var sends = Interlocked.Read(ref _sends);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"sends {sends} x {(sends == 0 ? 0 : Interlocked.Read(ref _ticks) * 1000.0 / System.Diagnostics.Stopwatch.Frequency / sends):0.00} ms");
    }

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await SendCoreAsync(message, cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref _sends);
            Interlocked.Add(ref _ticks, System.Diagnostics.Stopwatch.GetTimestamp() - start);
        }
    }

    private async Task<SendResult> SendCoreAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var uri = new Uri("m/" + Uri.EscapeDataString(message.IdempotencyKey), UriKind.Relative);
        try
        {
            if (message.Attempts > 1)
            {
                using var lookup = await http.GetAsync(uri, cancellationToken);
                if (lookup.StatusCode == HttpStatusCode.OK)
                    return SendResult.Sent;
                if (lookup.StatusCode != HttpStatusCode.NotFound)
                    return SendResult.RetryLater($"Lookup answered {(int)lookup.StatusCode}.");
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, uri);
            request.Headers.Add("X-Dispatcher", dispatcher);
            request.Content = new StringContent(message.Payload, Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? SendResult.Sent : SendResult.RetryLater($"Channel answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException ex)
        {
            return SendResult.RetryLater(ex.Message);
        }
    }
}

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
public sealed class LoopbackChannelSender(HttpClient http) : IChannelSender
{
    public ChannelKind Channel => ChannelKind.WebChat;

    public DeliveryLimits Limits => DeliveryLimits.Unlimited;

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
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
            using var content = new StringContent(message.Payload, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(uri, content, cancellationToken);
            return response.IsSuccessStatusCode ? SendResult.Sent : SendResult.RetryLater($"Channel answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException ex)
        {
            return SendResult.RetryLater(ex.Message);
        }
    }
}

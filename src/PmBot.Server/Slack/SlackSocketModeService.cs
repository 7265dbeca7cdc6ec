using System.Text.Json.Nodes;
using PmBot.Channels.Slack;
using PmBot.Channels.Slack.SocketMode;

namespace PmBot.Server.Slack;

/// <summary>Socket Mode: Slack's requests arrive over a WebSocket instead of HTTP and take the same path.</summary>
public sealed class SlackSocketModeService(SlackSocketModeClient client) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => client.RunAsync(stoppingToken);

    /// <summary>Routes one envelope like the HTTP endpoint of its type; returns the ack payload.</summary>
    public static Func<SocketModeEnvelope, CancellationToken, Task<JsonNode?>> Router(IServiceProvider services) => async (envelope, cancellationToken) =>
    {
        var handler = services.GetRequiredService<SlackRequestHandler>();
        var payload = envelope.Payload?.ToJsonString() ?? "{}";
        return envelope.Type switch
        {
            "slash_commands" => await handler.HandleCommandAsync(SlackInboundParser.ParseSlashCommandJson(payload), cancellationToken),
            "events_api" => await handler.HandleEventAsync(SlackInboundParser.ParseEvent(payload), cancellationToken),
            "interactive" => await handler.HandleInteractionAsync(SlackInboundParser.ParseInteraction(payload), cancellationToken),
            _ => null,
        };
    };
}

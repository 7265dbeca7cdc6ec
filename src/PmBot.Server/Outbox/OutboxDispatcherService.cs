using PmBot.Core.Outbox;

namespace PmBot.Server.Outbox;

/// <summary>Hosts the outbox dispatcher in every server instance.</summary>
public sealed class OutboxDispatcherService(OutboxDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}

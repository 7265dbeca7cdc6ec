using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PmBot.Core.Outbox;

namespace PmBot.Storage.Outbox;

/// <summary>
/// LISTENs on PostgreSQL for outbox commits made by any instance and wakes this instance's dispatcher.
/// Reconnects with a pause when the connection drops; the dispatcher's idle poll covers the gap.
/// </summary>
public sealed partial class PostgresOutboxListener(NpgsqlDataSource dataSource, IOutboxSignal signal, ILogger<PostgresOutboxListener> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Pulse();
                await using (var listen = new NpgsqlCommand("LISTEN " + OutboxNotifications.Channel, connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                signal.Pulse();
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException ex)
            {
                LogDropped(log, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox LISTEN connection dropped; reconnecting")]
    private static partial void LogDropped(ILogger logger, Exception exception);
}

using PmBot.Storage;
using PmBot.Storage.Files;

namespace PmBot.Server.Jobs;

/// <summary>
/// Hourly: purges inbound de-duplication rows older than 24 h (channels retry for minutes, not days), sent
/// outbox rows older than 7 days and expired published files, and reports dead outbox rows so they are seen.
/// </summary>
public sealed partial class HousekeepingJob(Maintenance maintenance, FileStore files, TimeProvider time, ILogger<HousekeepingJob> log)
{
    public const string JobId = "housekeeping";
    public static readonly TimeSpan DeliveryRetention = TimeSpan.FromHours(24);
    public static readonly TimeSpan SentOutboxRetention = TimeSpan.FromDays(7);

    public async Task<HousekeepingReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deliveries = await maintenance.PurgeDeliveriesAsync(now - DeliveryRetention, cancellationToken);
        var sent = await maintenance.PurgeSentOutboxAsync(now - SentOutboxRetention, cancellationToken);
        var expiredFiles = await files.PurgeExpiredAsync(now, cancellationToken);
        var deadCount = await maintenance.CountDeadOutboxAsync(cancellationToken);
        var dead = await maintenance.DeadOutboxAsync(20, cancellationToken);
        LogPurged(log, deliveries, sent, expiredFiles);
        foreach (var row in dead)
            LogDead(log, row.Id, row.Channel, row.ConversationId, row.Attempts, row.LastError);
        return new HousekeepingReport(deliveries, sent, deadCount, dead) { FilesPurged = expiredFiles };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping purged {Deliveries} de-duplication rows, {Sent} sent outbox rows and {Files} expired files")]
    private static partial void LogPurged(ILogger logger, int deliveries, int sent, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead outbox row {Id} to {Channel}/{Conversation} after {Attempts} attempts: {Reason}")]
    private static partial void LogDead(ILogger logger, Guid id, string channel, string conversation, int attempts, string? reason);
}

public sealed record HousekeepingReport(int DeliveriesPurged, int SentPurged, int DeadCount, IReadOnlyList<DeadOutboxRow> Dead)
{
    public int FilesPurged { get; init; }
}

namespace PmBot.Storage.Outbox;

/// <summary>The PostgreSQL NOTIFY channel that the store signals on commit and every instance listens to.</summary>
public static class OutboxNotifications
{
    public const string Channel = "pmbot_outbox";
}

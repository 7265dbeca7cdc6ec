namespace PmBot.Core.Domain;

/// <summary>One Slack team, one Teams tenant, or the local web chat.</summary>
public sealed class Workspace
{
    public Guid Id { get; init; } = NewId.Next();
    public required ChannelKind Channel { get; init; }

    /// <summary>Slack team id, Teams tenant id, or "local" for the web chat.</summary>
    public required string ExternalId { get; init; }

    public required string Name { get; set; }
    public string DefaultTimeZone { get; set; } = "UTC";
    public string DefaultLocale { get; set; } = Locales.English;

    /// <summary>The days people work (<c>calendar workdays</c>); Monday to Friday unless a PM changes it.</summary>
    public Weekdays WorkingDays { get; set; } = Weekdays.MondayToFriday;

    /// <summary>False once the app was uninstalled or its tokens revoked: nothing is sent there.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; }
}

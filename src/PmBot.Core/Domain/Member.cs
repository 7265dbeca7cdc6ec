namespace PmBot.Core.Domain;

/// <summary>A person in one workspace, known by exactly one identity in that workspace's channel.</summary>
public sealed class Member
{
    public Guid Id { get; init; } = NewId.Next();
    public required Guid WorkspaceId { get; init; }

    /// <summary>The channel's user id: Slack <c>U…</c>, Teams <c>29:…</c>/AAD object id, web chat seed id.</summary>
    public required string ExternalUserId { get; init; }

    public required string DisplayName { get; set; }

    /// <summary>IANA time zone id, e.g. <c>Asia/Shanghai</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary><c>en</c> or <c>zh-CN</c>.</summary>
    public string Locale { get; set; } = Locales.English;

    /// <summary>True once the member chose a zone with <c>me tz</c>; the channel's value no longer overrides it.</summary>
    public bool TimeZoneChosen { get; set; }

    /// <summary>True once the member chose a language with <c>me lang</c>.</summary>
    public bool LocaleChosen { get; set; }

    /// <summary>The 1:1 conversation the bot uses to reach this member proactively, once known.</summary>
    public string? DirectConversationId { get; set; }

    /// <summary>
    /// Cost of one hour of this person's work (workspace-wide, <c>member rate</c>), read in each project's currency; null:
    /// not set, so their hours cost nothing in the plan and the actuals.
    /// </summary>
    public decimal? HourlyRate { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>What <see cref="CapacityHoursPerWeek"/> is until a PM says otherwise.</summary>
    public const decimal DefaultCapacityHours = 40m;

    /// <summary>The most hours a week anyone can be given (7 × 24).</summary>
    public const decimal MaxCapacityHours = 168m;

    /// <summary>Hours a week this person can work (<c>member capacity</c>); shared by all their projects.</summary>
    public decimal CapacityHoursPerWeek { get; set; } = DefaultCapacityHours;

    /// <summary>Takes the channel's view of the member unless the member chose otherwise.</summary>
    public void ApplyChannelProfile(string? displayName, string? timeZone, string? locale)
    {
        if (!string.IsNullOrWhiteSpace(displayName))
            DisplayName = displayName;
        if (!TimeZoneChosen && timeZone is not null && TimeZones.TryNormalize(timeZone, out var zone))
            TimeZone = zone;
        if (!LocaleChosen && Locales.TryNormalize(locale, out var normalized))
            Locale = normalized;
    }
}

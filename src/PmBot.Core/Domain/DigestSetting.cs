namespace PmBot.Core.Domain;

/// <summary>
/// When one PM of one project gets the daily digest (<c>digest time 07:30</c>, <c>digest off</c>). Without a row the
/// digest comes at <see cref="DefaultLocalTime"/> in the PM's own time zone on the workspace's working days.
/// </summary>
public sealed class DigestSetting
{
    public static readonly TimeOnly DefaultLocalTime = new(8, 0);

    public required Guid ProjectId { get; init; }
    public required Guid MemberId { get; init; }

    /// <summary>The local time of the digest, in the PM's own time zone.</summary>
    public TimeOnly LocalTime { get; set; } = DefaultLocalTime;

    public bool Enabled { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The outbox idempotency key of the digest of one (project, PM, PM's local date): sent once, whatever runs twice.</summary>
    public static string OutboxKey(Guid projectId, Guid memberId, DateOnly localDate) =>
        $"digest:{projectId:N}:{memberId:N}:{localDate:yyyy-MM-dd}";
}

/// <summary>A PM who may get a project's digest, with what the planner needs to know about them (read-only).</summary>
public sealed record DigestRecipient(Project Project, Member Pm, Workspace Workspace, DigestSetting? Setting)
{
    public TimeOnly LocalTime => Setting?.LocalTime ?? DigestSetting.DefaultLocalTime;
    public bool Enabled => Setting?.Enabled ?? true;
}

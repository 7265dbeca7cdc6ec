namespace PmBot.Core.Domain;

public enum ProjectStatus
{
    Planning,
    Active,
    Closing,
    Closed,
}

/// <summary>A project in a workspace, addressed in chat by its key (e.g. <c>APOLLO</c>).</summary>
public sealed class Project
{
    public const int MaxKeyLength = 10;
    public const int MaxNameLength = 200;

    public Guid Id { get; init; } = NewId.Next();
    public required Guid WorkspaceId { get; init; }
    public required string Key { get; init; }
    public required string Name { get; set; }
    public string? Goal { get; set; }
    public string? ScopeStatement { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedFinish { get; set; }
    public ProjectStatus Status { get; set; } = ProjectStatus.Planning;
    public required Guid PmMemberId { get; set; }

    /// <summary>ISO 4217 code every amount of the project is read in (<c>budget currency EUR</c>); PmBot never converts.</summary>
    public string Currency { get; set; } = Currencies.Default;
    public DateTimeOffset CreatedAt { get; init; }
}

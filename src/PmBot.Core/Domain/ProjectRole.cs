namespace PmBot.Core.Domain;

/// <summary>What a member may do in one project. Ordered: a PM may do what a member may.</summary>
public enum ProjectRole
{
    Stakeholder = 1,
    Member = 2,
    Pm = 3,
}

/// <summary>A member's role in a project (one row per project and member).</summary>
public sealed class ProjectMembership
{
    public required Guid ProjectId { get; init; }
    public required Guid MemberId { get; init; }
    public required ProjectRole Role { get; set; }
    public DateTimeOffset AddedAt { get; init; }
}

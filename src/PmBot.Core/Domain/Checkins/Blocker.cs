namespace PmBot.Core.Domain;

public enum BlockerStatus
{
    Open,
    Resolved,
}

/// <summary>How a blocker changed since a moment (the last digest). Not stored: see <see cref="Blocker.ChangeSince"/>.</summary>
public enum BlockerChange
{
    New,
    Changed,
    Unchanged,
    Resolved,
}

/// <summary>
/// Something in a member's way, from a check-in answer or <c>blocker add</c>, followed until <c>blocker resolve N</c>.
/// <see cref="Number"/> is per project. <see cref="ChangedAt"/> moves when its text, task or status changes, so a digest
/// can mark it new, changed or unchanged since the previous digest.
/// </summary>
public sealed class Blocker
{
    public const int MaxTextLength = 1000;

    public Guid Id { get; init; } = NewId.Next();
    public required Guid ProjectId { get; init; }
    public required int Number { get; init; }
    public required Guid MemberId { get; init; }
    public Guid? WorkItemId { get; set; }
    public required string Text { get; set; }
    public BlockerStatus Status { get; set; } = BlockerStatus.Open;
    public required DateTimeOffset OpenedAt { get; init; }
    public required DateTimeOffset ChangedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public Guid? ResolvedByMemberId { get; set; }

    /// <summary>The check-in answer it came from, if any (a later answer of the same member updates it).</summary>
    public Guid? OccurrenceId { get; set; }

    public BlockerChange ChangeSince(DateTimeOffset since) =>
        Status == BlockerStatus.Resolved && ResolvedAt >= since ? BlockerChange.Resolved
        : OpenedAt >= since ? BlockerChange.New
        : ChangedAt >= since ? BlockerChange.Changed
        : BlockerChange.Unchanged;

    /// <summary>Changes text and task; true (and <see cref="ChangedAt"/> moved) when something actually changed.</summary>
    public bool Update(string text, Guid? workItemId, DateTimeOffset now)
    {
        if (text == Text && workItemId == WorkItemId)
            return false;
        Text = text;
        WorkItemId = workItemId;
        ChangedAt = now;
        return true;
    }

    public void Resolve(Guid byMemberId, DateTimeOffset now)
    {
        Status = BlockerStatus.Resolved;
        ResolvedAt = now;
        ResolvedByMemberId = byMemberId;
        ChangedAt = now;
    }
}

namespace PmBot.Core.Domain;

/// <summary>A date nobody in the workspace works (<c>calendar holiday add</c>): no check-ins, no scheduled work.</summary>
public sealed class Holiday
{
    public const int MaxNameLength = 100;

    public required Guid WorkspaceId { get; init; }
    public required DateOnly Date { get; init; }
    public string? Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// A member away from <see cref="From"/> to <see cref="To"/>, both included, in the member's own dates
/// (<c>me away</c>): not prompted, shown as away; the scheduler lays none of their work on those days.
/// </summary>
public sealed class Absence
{
    public const int MaxReasonLength = 200;

    public Guid Id { get; init; } = NewId.Next();
    public required Guid WorkspaceId { get; init; }
    public required Guid MemberId { get; init; }
    public required DateOnly From { get; init; }

    /// <summary>The last day away; <c>me back</c> ends an absence early by moving it.</summary>
    public required DateOnly To { get; set; }

    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool Covers(DateOnly date) => date >= From && date <= To;
}

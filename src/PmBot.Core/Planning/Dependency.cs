namespace PmBot.Core.Planning;

/// <summary>
/// A logical link between two activities. <paramref name="LagDays"/> is in working days of the project calendar;
/// a negative lag is a lead (the successor may overlap the predecessor).
/// </summary>
public sealed record Dependency(
    string PredecessorId,
    string SuccessorId,
    DependencyType Type = DependencyType.FinishToStart,
    int LagDays = 0);

namespace PmBot.Core.Planning;

/// <summary>A loop of finish/start links, listed from one activity back to itself, e.g. A, B, C, A.</summary>
public sealed record DependencyCycle(IReadOnlyList<string> Path)
{
    /// <summary>"A -> B -> C -> A".</summary>
    public override string ToString() => string.Join(" -> ", Path);
}

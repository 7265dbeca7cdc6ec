namespace PmBot.Core.Planning;

/// <summary>How a successor is tied to its predecessor (precedence diagramming method).</summary>
public enum DependencyType
{
    /// <summary>The successor starts after the predecessor finishes (with lag 0: the next working day).</summary>
    FinishToStart,

    /// <summary>The successor starts no earlier than the predecessor starts (lag 0: the same day).</summary>
    StartToStart,

    /// <summary>The successor finishes no earlier than the predecessor finishes (lag 0: the same day).</summary>
    FinishToFinish,

    /// <summary>The successor finishes no earlier than the predecessor starts (lag 0: it finishes the working day before).</summary>
    StartToFinish,
}

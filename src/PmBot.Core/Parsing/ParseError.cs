namespace PmBot.Core.Parsing;

/// <summary>
/// Why a command line or a form could not be understood. <see cref="MessageKey"/> names a resource string;
/// <see cref="At"/> is the offending token (null when something is missing at the end).
/// </summary>
public sealed record ParseError(string MessageKey, Token? At, params object[] Args)
{
    /// <summary>The parameter the error belongs to, so a form can show it beside that input.</summary>
    public string? Parameter { get; init; }
}

/// <summary>An error argument that names a parameter; replies show its localized label ("start date", "开始日期").</summary>
public sealed record ParamName(string Name)
{
    public override string ToString() => Name;
}

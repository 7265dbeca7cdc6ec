namespace PmBot.Core.Parsing;

/// <summary>One word or quoted string of a command line, with where it stood (for error markers).</summary>
public sealed record Token(string Value, int Start, int Length, bool Quoted);

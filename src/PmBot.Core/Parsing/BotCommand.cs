namespace PmBot.Core.Parsing;

/// <summary>A parsed command: its spec and typed argument values by parameter name.</summary>
public sealed class BotCommand(CommandSpec spec, IReadOnlyDictionary<string, object> args)
{
    public CommandSpec Spec { get; } = spec;
    public IReadOnlyDictionary<string, object> Args { get; } = args;
    public string Name => Spec.Name;

    public bool Has(string name) => Args.ContainsKey(name);
    public string? Text(string name) => Args.TryGetValue(name, out var v) ? (string)v : null;
    public DateOnly? Date(string name) => Args.TryGetValue(name, out var v) ? (DateOnly)v : null;
    public IReadOnlyList<MentionRef> Mentions(string name) => Args.TryGetValue(name, out var v) ? (IReadOnlyList<MentionRef>)v : [];
    public MentionRef? Mention(string name) => Args.TryGetValue(name, out var v) ? (MentionRef)v : null;
    public int? Integer(string name) => Args.TryGetValue(name, out var v) ? (int)v : null;
    public decimal? Number(string name) => Args.TryGetValue(name, out var v) ? (decimal)v : null;
    public ItemRef? Item(string name) => Args.TryGetValue(name, out var v) ? (ItemRef)v : null;

    /// <summary>An <see cref="ParamKind.Hours"/> or <see cref="ParamKind.Money"/> value.</summary>
    public decimal? Decimal(string name) => Args.TryGetValue(name, out var v) ? (decimal)v : null;
}

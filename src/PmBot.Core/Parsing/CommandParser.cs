using PmBot.Core.Domain;

namespace PmBot.Core.Parsing;

/// <summary>The outcome of parsing: a command, or an error (with, for unknown commands, a suggestion).</summary>
public sealed record ParseResult(BotCommand? Command, ParseError? Error, CommandSpec? Spec = null, string? Suggestion = null)
{
    /// <summary>The arguments that were understood before the error (to pre-fill a form).</summary>
    public IReadOnlyDictionary<string, object>? Partial { get; init; }
}

/// <summary>
/// Turns typed text or a submitted form into a <see cref="BotCommand"/> using the command table. Every error says
/// which token was wrong, so the reply can point at it.
/// </summary>
public sealed class CommandParser(IReadOnlyList<CommandSpec> specs)
{
    /// <summary>The largest <see cref="ParamKind.Number"/> accepted.</summary>
    public const decimal MaxNumber = 1_000_000_000m;

    public IReadOnlyList<CommandSpec> Specs { get; } = specs;

    public CommandSpec? Find(string name) =>
        Specs.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <param name="text">The command line.</param>
    /// <param name="today">Today in the member's time zone, for relative dates.</param>
    public ParseResult Parse(string text, DateOnly today)
    {
        // A command that takes the rest of its message (a pasted CSV) is known from its first line; the lines after it
        // are its text as typed, never split into words (their quotes follow other rules).
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = newline < 0 ? text : text[..newline];
        CommandSpec? spec;
        if (Tokenizer.TryTokenize(firstLine, out var tokens, out _) && MatchSpec(tokens) is { TakesRest: true } restSpec)
            spec = restSpec;
        else
        {
            if (!Tokenizer.TryTokenize(text, out tokens, out var tokenError))
                return new ParseResult(null, tokenError);
            if (tokens.Count == 0)
                return new ParseResult(null, new ParseError("parse.empty", null));
            spec = MatchSpec(tokens);
            newline = -1;
        }
        if (spec is null)
        {
            var (suggestion, bad) = Suggest(tokens);
            return new ParseResult(null, new ParseError("parse.unknown_command", bad, bad.Value), null, suggestion);
        }

        var rest = tokens.Skip(spec.Words.Length).ToList();
        var values = new Dictionary<string, object>();
        var positional = new Queue<ParamSpec>(spec.Params.Where(p => p.Keyword is null));
        for (var i = 0; i < rest.Count; i++)
        {
            var token = rest[i];
            var keyword = token.Quoted ? null : spec.Params.FirstOrDefault(p =>
                p.Keyword is not null && string.Equals(p.Keyword, token.Value, StringComparison.OrdinalIgnoreCase));
            ParamSpec param;
            Token valueToken;
            if (keyword is not null)
            {
                if (values.ContainsKey(keyword.Name))
                    return Fail(spec, new ParseError("parse.duplicate_option", token, token.Value) { Parameter = keyword.Name });
                if (i + 1 >= rest.Count)
                    return Fail(spec, new ParseError("parse.option_needs_value", token, token.Value) { Parameter = keyword.Name });
                param = keyword;
                valueToken = rest[++i];
            }
            else if (spec.Params.Count == 1 && spec.Params[0].Kind == ParamKind.CommandName)
            {
                // "help project create": the rest of the line is one command name.
                param = spec.Params[0];
                valueToken = new Token(string.Join(' ', rest.Select(t => t.Value)), token.Start, rest[^1].Start + rest[^1].Length - token.Start, false);
                i = rest.Count;
            }
            else if (positional.Count > 0)
            {
                // An optional choice that does not match leaves the word to the text after it ("plan import <csv>").
                if (positional.Count > 1 && positional.Peek() is { Kind: ParamKind.Choice, Required: false } optional && !IsChoice(optional, token.Value))
                    positional.Dequeue();
                param = positional.Dequeue();
                // An optional positional that cannot take the token is left out when a later optional one can:
                // "cost add 90 \"taxi\" travel" has no task, and "travel" is the category.
                if (!param.Required && Convert(param, token, today, out _) is not null
                    && positional.TakeWhile(p => !p.Required).FirstOrDefault(p => Convert(p, token, today, out _) is null) is { } later)
                {
                    while (positional.Peek() != later)
                        positional.Dequeue();
                    param = positional.Dequeue();
                }
                valueToken = param.Kind == ParamKind.Rest ? new Token(text[token.Start..], token.Start, text.Length - token.Start, false) : token;
                if (param.Kind == ParamKind.Rest)
                    i = rest.Count;
            }
            else
            {
                return Fail(spec, new ParseError("parse.unexpected", token, token.Value));
            }
            if (param.Kind == ParamKind.Mentions)
            {
                // "members @a @b @c": the mentions that follow belong to the same list.
                while (i + 1 < rest.Count && !rest[i + 1].Quoted && MentionRef.TryParse(rest[i + 1].Value, out _))
                {
                    var next = rest[++i];
                    valueToken = new Token(valueToken.Value + " " + next.Value, valueToken.Start, next.Start + next.Length - valueToken.Start, false);
                }
            }

            var error = Convert(param, valueToken, today, out var value);
            if (error is not null)
                return Fail(spec, error);
            values[param.Name] = value!;
        }

        if (newline >= 0 && spec.Params.FirstOrDefault(p => p.Kind == ParamKind.Rest) is { } restParam && !values.ContainsKey(restParam.Name)
            && text[(newline + 1)..] is { Length: > 0 } lines && !string.IsNullOrWhiteSpace(lines))
            values[restParam.Name] = lines;

        var missing = spec.Params.FirstOrDefault(p => p.Required && !values.ContainsKey(p.Name));
        if (missing is not null)
            return Fail(spec, new ParseError("parse.missing", null, new ParamName(missing.Name)) { Parameter = missing.Name }) with { Partial = values };
        return new ParseResult(new BotCommand(spec, values), null, spec);
    }

    /// <summary>Binds a submitted form (input name to value) to a command; returns every invalid input.</summary>
    public (BotCommand? Command, IReadOnlyList<ParseError> Errors) Bind(CommandSpec spec, IReadOnlyDictionary<string, string> form, DateOnly today)
    {
        var values = new Dictionary<string, object>();
        var errors = new List<ParseError>();
        foreach (var param in spec.Params)
        {
            if (!form.TryGetValue(param.Name, out var raw) || string.IsNullOrWhiteSpace(raw))
            {
                if (param.Required)
                    errors.Add(new ParseError("parse.missing", null, new ParamName(param.Name)) { Parameter = param.Name });
                continue;
            }
            var error = Convert(param, new Token(raw.Trim(), 0, raw.Trim().Length, true), today, out var value);
            if (error is not null)
                errors.Add(error);
            else
                values[param.Name] = value!;
        }
        return errors.Count > 0 ? (null, errors) : (new BotCommand(spec, values), errors);
    }

    private static ParseResult Fail(CommandSpec spec, ParseError error) => new(null, error, spec);

    private static bool IsChoice(ParamSpec param, string text) =>
        param.Choices?.Any(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)) == true;

    private CommandSpec? MatchSpec(List<Token> tokens) =>
        Specs.Where(s => s.Words.Length <= tokens.Count
                && s.Words.Select((w, i) => !tokens[i].Quoted && string.Equals(w, tokens[i].Value, StringComparison.OrdinalIgnoreCase)).All(x => x))
            .MaxBy(s => s.Words.Length);

    private (string? Suggestion, Token Bad) Suggest(List<Token> tokens)
    {
        // "project craete": the group is right, the sub-command is not; suggest within the group.
        var group = Specs.Where(s => s.Words.Length > 1 && string.Equals(s.Words[0], tokens[0].Value, StringComparison.OrdinalIgnoreCase)).ToList();
        if (group.Count > 0 && tokens.Count > 1)
        {
            var best = group.MinBy(s => Levenshtein.Distance(s.Words[1], tokens[1].Value))!;
            return (best.Name, tokens[1]);
        }
        if (group.Count > 0)
            return (group[0].Name, tokens[0]);
        // Compare each command with as many typed words as it has: "projct list" is closest to "project list".
        var closest = Specs
            .Select(spec => (Spec: spec, Distance: Levenshtein.Distance(spec.Name, string.Join(' ', tokens.Take(spec.Words.Length).Select(t => t.Value)))))
            .OrderBy(c => c.Distance).ThenBy(c => c.Spec.Words.Length == tokens.Count ? 0 : 1)
            .First();
        var limit = Math.Max(2, closest.Spec.Name.Length / 3);
        return (closest.Distance <= limit ? closest.Spec.Name : null, tokens[0]);
    }

    private static ParseError? Convert(ParamSpec param, Token token, DateOnly today, out object? value)
    {
        value = null;
        var text = token.Value;
        ParseError Error(string key, params object[] args) => new(key, token, args) { Parameter = param.Name };
        switch (param.Kind)
        {
            case ParamKind.Text:
                if (text.Length == 0)
                    return Error("parse.empty_value", new ParamName(param.Name));
                if (text.Length > Project.MaxNameLength * 10)
                    return Error("parse.too_long", new ParamName(param.Name), Project.MaxNameLength * 10);
                value = text;
                return null;
            case ParamKind.CommandName:
                value = text.Trim();
                return null;
            case ParamKind.ProjectKey:
                var key = text.ToUpperInvariant();
                if (!ProjectKeys.IsValid(key))
                    return Error("parse.bad_key", text);
                value = key;
                return null;
            case ParamKind.Date:
                if (!RelativeDate.TryParse(text, today, out var date))
                    return Error("parse.bad_date", text);
                value = date;
                return null;
            case ParamKind.Mention:
                if (!MentionRef.TryParse(text, out var mention))
                    return Error("parse.bad_mention", text);
                value = mention;
                return null;
            case ParamKind.Rest:
                if (string.IsNullOrWhiteSpace(text))
                    return Error("parse.empty_value", new ParamName(param.Name));
                value = text;
                return null;
            case ParamKind.Mentions:
                var people = new List<MentionRef>();
                foreach (var part in text.Split([' ', ',', '，'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!MentionRef.TryParse(part, out var person))
                        return Error("parse.bad_mention", part);
                    people.Add(person);
                }
                if (people.Count == 0)
                    return Error("parse.empty_value", new ParamName(param.Name));
                value = people;
                return null;
            case ParamKind.Choice:
                var choice = param.Choices?.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                if (choice is null)
                    return Error("parse.bad_choice", text, string.Join(", ", param.Choices ?? []));
                value = choice;
                return null;
            case ParamKind.Integer:
                if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number) || Math.Abs(number) > 10_000)
                    return Error("parse.bad_number", text);
                value = number;
                return null;
            case ParamKind.ItemRef:
                if (!ItemRef.TryParse(text, out var item))
                    return Error("parse.bad_item", text);
                value = item;
                return null;
            case ParamKind.Percent:
                if (!int.TryParse(text.TrimEnd('%', '％'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var percent) || percent > 100)
                    return Error("parse.bad_percent", text);
                value = percent;
                return null;
            case ParamKind.Hours:
                switch (HoursText.TryParse(text, out var hours))
                {
                    case QuantityError.None:
                        value = hours;
                        return null;
                    case QuantityError.Negative:
                        return Error("parse.negative_hours", text);
                    case QuantityError.TooLarge:
                        return Error("parse.too_many_hours", text, HoursText.Max);
                    default:
                        return Error("parse.bad_hours", text);
                }
            case ParamKind.Money:
                switch (MoneyText.TryParse(text, out var money))
                {
                    case QuantityError.None:
                        value = money;
                        return null;
                    case QuantityError.Negative:
                        return Error("parse.negative_amount", text);
                    case QuantityError.TooLarge:
                        return Error("parse.too_much_money", text);
                    default:
                        return Error("parse.bad_money", text);
                }
            case ParamKind.Number:
                if (!decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount) || amount > MaxNumber)
                    return Error("parse.bad_amount", text);
                value = amount;
                return null;
            case ParamKind.TimeZone:
                if (!TimeZones.TryNormalize(text, out var zone))
                    return Error("parse.bad_timezone", text, string.Join(", ", TimeZones.Examples));
                value = zone;
                return null;
            default:
                throw new InvalidOperationException($"Unknown parameter kind {param.Kind}.");
        }
    }
}

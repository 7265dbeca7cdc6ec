using System.Text;
using PmBot.Core.Domain;

namespace PmBot.Core.Parsing;

public enum ParamKind
{
    /// <summary>Any text; quote it when it has spaces.</summary>
    Text,

    /// <summary>A project key, upper-cased and checked.</summary>
    ProjectKey,

    /// <summary>A date in any form <see cref="RelativeDate"/> knows.</summary>
    Date,

    /// <summary>A person: <c>&lt;@U123&gt;</c>, <c>&lt;@U123|name&gt;</c> or <c>@name</c>.</summary>
    Mention,

    /// <summary>One of <see cref="ParamSpec.Choices"/>.</summary>
    Choice,

    /// <summary>An IANA time zone id.</summary>
    TimeZone,

    /// <summary>A command name (for <c>help</c>), possibly several words.</summary>
    CommandName,

    /// <summary>A whole number (may be negative: a lead).</summary>
    Integer,

    /// <summary>A work item: <c>APOLLO-12</c>, or <c>12</c> in the command's project.</summary>
    ItemRef,

    /// <summary>A percentage 0-100, with or without <c>%</c>.</summary>
    Percent,

    /// <summary>An amount of time in hours (<see cref="HoursText"/>: <c>3h</c>, <c>30m</c>, <c>1d</c> = 8h, <c>16</c>), as a decimal.</summary>
    Hours,

    /// <summary>An amount of money, zero or more (<see cref="MoneyText"/>: <c>1200</c>, <c>1,200.50</c>), as a decimal.</summary>
    Money,

    /// <summary>A number that is not negative, with a decimal point if needed (a quantity, a price): <c>2</c>, <c>12.5</c>.</summary>
    Number,
    /// <summary>
    /// The rest of the message as typed, lines and quotes included (e.g. a pasted CSV): everything from the first word
    /// no other parameter takes, or else everything after the command's first line. Only as the last positional parameter.
    /// </summary>
    Rest,
    /// <summary>One or more people (<c>@a @b</c>, or comma-separated in a form): a list of <see cref="MentionRef"/>.</summary>
    Mentions,
}

/// <summary>
/// One parameter of a command: positional when <see cref="Keyword"/> is null, otherwise written as
/// <c>keyword value</c> anywhere after the positional ones.
/// </summary>
public sealed record ParamSpec(string Name, ParamKind Kind, bool Required = true, string? Keyword = null, IReadOnlyList<string>? Choices = null);

/// <summary>Who may run a command.</summary>
public enum Access
{
    /// <summary>Any member of the workspace.</summary>
    Anyone,

    /// <summary>Members with any role in the command's project.</summary>
    ProjectStakeholder,

    /// <summary>Members and PMs of the command's project.</summary>
    ProjectMember,

    /// <summary>Only the project's PMs.</summary>
    ProjectPm,
}

/// <summary>The grammar and access rule of one command; the dispatcher table maps it to its handler.</summary>
public sealed record CommandSpec(string Name, Access Access, IReadOnlyList<ParamSpec> Params)
{
    public string[] Words { get; } = Name.Split(' ');

    /// <summary>True when the command takes the rest of its message as text (<see cref="ParamKind.Rest"/>).</summary>
    public bool TakesRest => Params.Any(p => p.Kind == ParamKind.Rest);

    /// <summary>The resource key of the one-line description; the usage line is derived from the parameters.</summary>
    public string SummaryKey => "cmd." + Name.Replace(' ', '.');

    public ProjectRole? RequiredRole => Access switch
    {
        Access.ProjectStakeholder => ProjectRole.Stakeholder,
        Access.ProjectMember => ProjectRole.Member,
        Access.ProjectPm => ProjectRole.Pm,
        _ => null,
    };

    public string Usage
    {
        get
        {
            var usage = new StringBuilder(Name);
            foreach (var p in Params)
            {
                var value = p.Kind switch
                {
                    ParamKind.Choice when p.Choices is not null => string.Join('|', p.Choices),
                    ParamKind.Text when p.Keyword is null => $"\"<{p.Name}>\"",
                    ParamKind.Mention => "@user",
                    ParamKind.Mentions => "@user @user…",
                    ParamKind.Date => "DATE",
                    ParamKind.ProjectKey => "KEY",
                    ParamKind.TimeZone => "<IANA zone>",
                    ParamKind.Integer or ParamKind.Number => "N",
                    ParamKind.ItemRef => "ID",
                    ParamKind.Percent => "N%",
                    ParamKind.Hours => "Nh",
                    ParamKind.Money => "AMOUNT",
                    ParamKind.Rest => $"<{p.Name}…>",
                    _ => p.Keyword is null ? $"<{p.Name}>" : p.Name.ToUpperInvariant(),
                };
                var part = p.Keyword is null ? value : $"{p.Keyword} {value}";
                usage.Append(' ').Append(p.Required ? part : $"[{part}]");
            }
            return usage.ToString();
        }
    }
}

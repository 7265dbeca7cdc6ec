using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Help;

/// <summary><c>help [command]</c>: every command with its usage, or one command in detail.</summary>
public sealed class ShowHelp : ICommandHandler
{
    public CommandSpec Spec { get; } = new("help", Access.Anyone, [new("command", ParamKind.CommandName, Required: false)]);

    public Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var specs = context.Commands.Parser.Specs;
        if (command.Text("command") is { Length: > 0 } name)
        {
            var matches = specs.Where(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
                matches = specs.Where(s => string.Equals(s.Words[0], name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                // "help projct" means the group "project"; "help projct craete" the command "project create".
                var closest = specs.SelectMany(s => new[] { s.Name, s.Words[0] }).Distinct(StringComparer.Ordinal)
                    .MinBy(candidate => Levenshtein.Distance(candidate, name))!;
                return Task.FromResult(BotReply.Of(new MessageBuilder()
                    .Text("⚠️ " + t["parse.unknown_command", name])
                    .Text(t["reply.did_you_mean", "`" + closest + "`"])
                    .Actions(new ActionButton(t["button.help_for", closest], "help " + closest), new ActionButton(t["button.all_commands"], "help"))
                    .Build()));
            }
            var detail = new MessageBuilder();
            foreach (var spec in matches)
            {
                detail.Heading(spec.Name).Text(t[spec.SummaryKey]).Text("`" + spec.Usage + "`");
                var exampleKey = spec.SummaryKey + ".example";
                if (t.Has(exampleKey))
                    detail.Context(t["help.example", t[exampleKey]]);
            }
            return Task.FromResult(BotReply.Of(detail.Build()));
        }

        var table = specs.Select(s => (IReadOnlyList<string>)[s.Usage, t[s.SummaryKey]]).ToList();
        return Task.FromResult(BotReply.Of(new MessageBuilder()
            .Heading(t["help.title"])
            .Text(t["help.intro"])
            .Table([t["help.column.command"], t["help.column.what"]], table)
            .Context(t["help.footer"])
            .Actions(
                new ActionButton(t["button.create_project"], "project create", ButtonStyle.Primary),
                new ActionButton(t["button.my_projects"], "project list"),
                new ActionButton(t["button.my_settings"], "me"))
            .Build()));
    }
}

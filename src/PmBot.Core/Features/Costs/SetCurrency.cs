using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Costs;

/// <summary><c>budget currency CODE</c> (PMs): the ISO 4217 code the project's amounts are in (default USD). Amounts are not converted.</summary>
public sealed class SetCurrency : ICommandHandler
{
    public CommandSpec Spec { get; } = new("budget currency", Access.ProjectPm,
    [
        new("currency", ParamKind.Text),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        if (!Currencies.TryNormalize(command.Text("currency"), out var code))
            return Replies.Error(t["budget.bad_currency", command.Text("currency")]);
        var before = project.Currency;
        project.Currency = code;
        var builder = new MessageBuilder().Text("✅ " + t["budget.currency_set", project.Key, code, before]);
        if (before != code && ((await context.Store.ListCostEntriesAsync(project.Id, cancellationToken)).Count > 0 || (await context.Store.ListTimeEntriesAsync(project.Id, cancellationToken)).Count > 0))
            builder.Context(t["budget.currency_not_converted", before, code]);
        return BotReply.Of(builder.Build(), ReplyVisibility.Conversation);
    }
}

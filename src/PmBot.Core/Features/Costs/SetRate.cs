using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Messages;
using PmBot.Core.Features.Members;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Costs;

/// <summary>
/// <c>member rate @user [AMOUNT]</c> (PMs): a person's cost per hour, workspace-wide (every project reads it in its own
/// currency). It prices their planned effort from now on and the hours they log from now on; hours already logged keep
/// the rate they were logged at, and baselines keep the costs they were saved with. Without an amount: shows the rate.
/// </summary>
public sealed class SetRate : ICommandHandler
{
    public CommandSpec Spec { get; } = new("member rate", Access.ProjectPm,
    [
        new("user", ParamKind.Mention),
        new("rate", ParamKind.Money, Required: false),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var found = await MemberLookup.FindAsync(context, command.Mention("user")!, cancellationToken);
        if (found.Member is not { } member)
            return Replies.Error(found.Error!);
        if (command.Decimal("rate") is not { } rate)
        {
            return BotReply.Of(new MessageBuilder()
                .Text(member.HourlyRate is { } current ? t["rate.is", member.DisplayName, t.Money(current), project.Currency] : t["rate.none", member.DisplayName])
                .Build());
        }
        var before = member.HourlyRate;
        member.HourlyRate = rate;
        return BotReply.Of(new MessageBuilder()
            .Text("💰 " + t["rate.set", member.DisplayName, t.Money(rate), project.Currency, before is { } b ? t.Money(b) : t["common.none"]])
            .Context(t["rate.scope"])
            .Build());
    }
}

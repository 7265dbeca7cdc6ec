using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Me;

/// <summary><c>me tz &lt;IANA zone&gt;</c>: my time zone for prompts and dates; it then wins over the channel's.</summary>
public sealed class SetTimeZone : ICommandHandler
{
    public CommandSpec Spec { get; } = new("me tz", Access.Anyone, [new("zone", ParamKind.TimeZone)]);

    public Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        context.Member.TimeZone = command.Text("zone")!;
        context.Member.TimeZoneChosen = true;
        var local = MemberClock.LocalNow(context.Member, context.Time);
        return Task.FromResult(BotReply.Of(OutboundMessage.Text("✅ " + context.T["me.tz_set", context.Member.TimeZone, local.ToString("HH:mm", context.T.Culture)])));
    }
}

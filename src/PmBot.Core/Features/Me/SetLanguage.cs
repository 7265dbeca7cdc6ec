using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Me;

/// <summary><c>me lang en|zh-CN</c>: the language PmBot speaks to me; it then wins over the channel's.</summary>
public sealed class SetLanguage : ICommandHandler
{
    public CommandSpec Spec { get; } = new("me lang", Access.Anyone, [new("lang", ParamKind.Choice, Choices: Locales.Supported)]);

    public Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        context.Member.Locale = command.Text("lang")!;
        context.Member.LocaleChosen = true;
        var t = context.T;
        return Task.FromResult(BotReply.Of(OutboundMessage.Text("✅ " + t["me.lang_set", t["lang." + context.Member.Locale]])));
    }
}

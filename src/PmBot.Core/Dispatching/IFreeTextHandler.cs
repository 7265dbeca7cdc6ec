using PmBot.Core.Conversation;

namespace PmBot.Core.Dispatching;

/// <summary>
/// Gets a chance at direct-message text that is not a command before the dispatcher answers "unknown command"
/// (a free-text check-in answer). Returns null to decline.
/// </summary>
public interface IFreeTextHandler
{
    Task<BotReply?> TryHandleAsync(CommandContext context, string text, CancellationToken cancellationToken);
}

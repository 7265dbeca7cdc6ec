using PmBot.Core.Conversation;
using PmBot.Core.Parsing;

namespace PmBot.Core.Dispatching;

/// <summary>One command: its grammar and access rule (<see cref="Spec"/>) and what it does.</summary>
public interface ICommandHandler
{
    CommandSpec Spec { get; }

    /// <summary>Runs the command. Changes are staged on <see cref="CommandContext.Store"/>; the dispatcher commits.</summary>
    Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken);
}

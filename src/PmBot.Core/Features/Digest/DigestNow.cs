using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Digest;

/// <summary><c>digest now [project KEY]</c> (PMs): today's digest on demand, covering everything since the previous digest day's digest time.</summary>
public sealed class DigestNow : ICommandHandler
{
    public CommandSpec Spec { get; } = new("digest now", Access.ProjectPm,
        [new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var data = await DigestBuilder.DataForAsync(context.Store, context.Workspace, context.Project!, context.Member, context.Today, context.Now, cancellationToken, context.Charts, context.Files);
        return BotReply.Of(await DigestBuilder.BuildAsync(data, context.T, MemberClock.Zone(context.Member), cancellationToken));
    }
}

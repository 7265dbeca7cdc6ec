using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Me;

/// <summary><c>me</c>: my name, time zone and local time, language, and my projects with my role in each.</summary>
public sealed class ShowMe : ICommandHandler
{
    public CommandSpec Spec { get; } = new("me", Access.Anyone, []);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var me = context.Member;
        var memberships = await context.Store.ListMembershipsOfMemberAsync(me.Id, cancellationToken);
        var projects = new List<string>();
        foreach (var membership in memberships)
        {
            if (await context.Store.GetProjectAsync(membership.ProjectId, cancellationToken) is { } project)
                projects.Add($"{project.Key} ({t.Role(membership.Role)})");
        }
        var local = MemberClock.LocalNow(me, context.Time);
        return BotReply.Of(new MessageBuilder()
            .Heading(me.DisplayName)
            .Fields(
                new Field(t["field.timezone"], me.TimeZone + (me.TimeZoneChosen ? "" : " " + t["me.from_channel"])),
                new Field(t["field.local_time"], local.ToString("yyyy-MM-dd HH:mm", t.Culture)),
                new Field(t["field.language"], t["lang." + me.Locale] + (me.LocaleChosen ? "" : " " + t["me.from_channel"])),
                new Field(t["field.projects"], projects.Count == 0 ? t["common.none"] : string.Join(", ", projects)))
            .Context(t["me.hint"])
            .Fallback(me.DisplayName)
            .Build());
    }
}

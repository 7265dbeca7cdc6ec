using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Members;

/// <summary><c>member list [project KEY]</c>: the project's people, their roles, time zones, local time now and hours a week.</summary>
public sealed class ListMembers : ICommandHandler
{
    public CommandSpec Spec { get; } = new("member list", Access.ProjectStakeholder,
        [new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var memberships = await context.Store.ListMembershipsAsync(project.Id, cancellationToken);
        var people = (await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken)).ToDictionary(m => m.Id);
        var rows = memberships
            .Where(m => people.ContainsKey(m.MemberId))
            .OrderByDescending(m => m.Role).ThenBy(m => people[m.MemberId].DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m =>
            {
                var person = people[m.MemberId];
                return (IReadOnlyList<string>)[person.DisplayName, t.Role(m.Role), person.TimeZone, MemberClock.LocalNow(person, context.Time).ToString("HH:mm", t.Culture), t["capacity.hours", person.CapacityHoursPerWeek]];
            }).ToList();
        var builder = new MessageBuilder()
            .Heading(t["member.list_title", project.Key, rows.Count])
            .Table([t["field.name"], t["field.role"], t["field.timezone"], t["field.local_time"], t["field.capacity"]], rows);
        if (context.Role == ProjectRole.Pm)
            builder.Actions(new ActionButton(t["button.add_member"], $"member add project {project.Key}", ButtonStyle.Primary));
        return BotReply.Of(builder.Fallback(t["member.list_title", project.Key, rows.Count]).Build());
    }
}

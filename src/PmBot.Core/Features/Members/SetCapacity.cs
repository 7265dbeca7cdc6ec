using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Members;

/// <summary>
/// <c>member capacity @user HOURS [project KEY]</c> (PMs): the hours a week a member of the project can work
/// (<c>32h</c>, <c>32</c> or <c>4d</c>; 40 until set). It is the person's, so it holds in all their projects.
/// </summary>
public sealed class SetCapacity : ICommandHandler
{
    public CommandSpec Spec { get; } = new("member capacity", Access.ProjectPm,
    [
        new("user", ParamKind.Mention),
        new("capacity", ParamKind.Text),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var typed = command.Text("capacity")!;
        if (!TryParseHours(typed, out var hours))
            return Replies.Error(t["capacity.bad", typed, Member.MaxCapacityHours]);
        var found = await MemberLookup.FindAsync(context, command.Mention("user")!, cancellationToken);
        if (found.Member is not { } target)
            return Replies.Error(found.Error!);
        if (await context.Store.FindMembershipAsync(project.Id, target.Id, cancellationToken) is null)
            return Replies.Error(t["capacity.not_member", target.DisplayName, project.Key]);

        var before = target.CapacityHoursPerWeek;
        target.CapacityHoursPerWeek = hours;
        return BotReply.Of(new MessageBuilder()
            .Text("⏱️ " + t["capacity.set", target.DisplayName, hours, before])
            .Actions(
                new ActionButton(t["button.members"], $"member list project {project.Key}"),
                new ActionButton(t["button.workload"], $"plan workload project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }

    /// <summary>
    /// Hours a week as <see cref="HoursText"/> reads them ("32h", "37.5", "37h30m", "5d" = 40 h, "32小时"; spaces
    /// ignored): more than 0 and at most <see cref="Member.MaxCapacityHours"/>.
    /// </summary>
    public static bool TryParseHours(string text, out decimal hours) =>
        HoursText.TryParse(text.Replace(" ", "", StringComparison.Ordinal), out hours) == QuantityError.None
        && hours > 0 && hours <= Member.MaxCapacityHours;
}

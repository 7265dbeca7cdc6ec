using System.Globalization;
using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Members;

/// <summary>
/// <c>member capacity @user HOURS [project KEY]</c> (PMs): the hours a week a member of the project can work
/// (<c>32h</c> or <c>32</c>; 40 until set). It is the person's, so it holds in all their projects.
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

    /// <summary>"32h", "32 h", "37.5" or "32小时": more than 0 and at most <see cref="Member.MaxCapacityHours"/>.</summary>
    public static bool TryParseHours(string text, out decimal hours)
    {
        var number = text.Trim();
        foreach (var unit in new[] { "小时", "h" })
        {
            if (number.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                number = number[..^unit.Length].TrimEnd();
                break;
            }
        }
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out hours)
            && hours > 0 && hours <= Member.MaxCapacityHours;
    }
}

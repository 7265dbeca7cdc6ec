using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>milestone add "&lt;name&gt;" DATE [after ID] [project KEY]</c> (PMs): a zero-duration WBS item flagged as a
/// milestone with a target date, optionally after a task (finish to start).
/// </summary>
/// <remarks>
/// The target is a promise, not a constraint: the schedule still dates the milestone by its links, so
/// <c>plan milestones</c> can show how far the forecast is from the target. To pin the date in the schedule instead,
/// use <c>task constrain ID mfo DATE</c> (must finish on).
/// </remarks>
public sealed class AddMilestone : ICommandHandler
{
    public CommandSpec Spec { get; } = new("milestone add", Access.ProjectPm,
    [
        new("name", ParamKind.Text),
        new("target", ParamKind.Date),
        new("after", ParamKind.ItemRef, Required: false, Keyword: "after"),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var name = command.Text("name")!.Trim();
        if (name.Length == 0 || name.Length > WorkItem.MaxNameLength)
            return Replies.Error(t["task.bad_name", WorkItem.MaxNameLength]);
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        WorkItem? after = null;
        if (command.Item("after") is { } reference)
        {
            if ((after = wbs.Find(reference)) is null)
                return Replies.Error(t["task.not_found", reference, project.Key]);
            if (wbs.HasChildren(after))
                return Replies.Error(t["task.link_summary", wbs.ShortId(after)]);
        }

        var target = command.Date("target")!.Value;
        var milestone = new WorkItem
        {
            ProjectId = project.Id,
            Number = wbs.Items.Count == 0 ? 1 : wbs.Items.Max(i => i.Number) + 1,
            Name = name,
            DurationDays = 0,
            IsMilestone = true,
            TargetDate = target,
            CreatedAt = context.Now,
        };
        context.Store.Add(milestone);
        if (after is not null)
            context.Store.Add(new WorkItemLink { ProjectId = project.Id, PredecessorId = after.Id, SuccessorId = milestone.Id, Type = Planning.DependencyType.FinishToStart });
        return BotReply.Of(new MessageBuilder()
            .Text("🏁 " + t["milestone.added", milestone.ShortId(project.Key), name, t.Date(target), after is null ? t["common.none"] : wbs.ShortId(after)])
            .Actions(new ActionButton(t["button.milestones"], $"plan milestones project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }
}

using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Costs;
using PmBot.Core.Features.Members;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>task add "&lt;name&gt;" [parent ID] [days N] [owner @user] [effort Nh] [cost AMOUNT] [project KEY]</c>: a new WBS
/// item with the project's next short id; under a parent it becomes part of that branch (the parent then summarises its
/// children). Given effort but no days, the duration is the effort in 8-hour days, rounded up.
/// </summary>
public sealed class AddTask : ICommandHandler
{
    public CommandSpec Spec { get; } = new("task add", Access.ProjectMember,
    [
        new("name", ParamKind.Text),
        new("parent", ParamKind.ItemRef, Required: false, Keyword: "parent"),
        new("days", ParamKind.Integer, Required: false, Keyword: "days"),
        new("owner", ParamKind.Mention, Required: false, Keyword: "owner"),
        new("effort", ParamKind.Hours, Required: false, Keyword: "effort"),
        new("cost", ParamKind.Money, Required: false, Keyword: "cost"),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var name = command.Text("name")!.Trim();
        if (name.Length == 0 || name.Length > WorkItem.MaxNameLength)
            return Replies.Error(t["task.bad_name", WorkItem.MaxNameLength]);
        var effort = command.Decimal("effort");
        var days = command.Integer("days") ?? (effort > 0 ? Effort.Days(effort.Value) : 1);
        if (days < 0)
            return Replies.Error(t["task.bad_days", days]);
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        WorkItem? parent = null;
        if (command.Item("parent") is { } parentRef && (parent = wbs.Find(parentRef)) is null)
            return Replies.Error(t["task.not_found", parentRef, project.Key]);
        if (parent is not null && (parent.EffortHours > 0 || parent.FixedCost != 0))
            return Replies.Error(t["task.parent_has_plan", wbs.ShortId(parent)]);
        Member? owner = null;
        if (command.Mention("owner") is { } mention)
        {
            var found = await MemberLookup.FindAsync(context, mention, cancellationToken);
            if (found.Member is null)
                return Replies.Error(found.Error!);
            owner = found.Member;
        }

        var item = new WorkItem
        {
            ProjectId = project.Id,
            Number = wbs.Items.Count == 0 ? 1 : wbs.Items.Max(i => i.Number) + 1,
            ParentId = parent?.Id,
            Name = name,
            DurationDays = days,
            OwnerMemberId = owner?.Id,
            EffortHours = effort,
            FixedCost = command.Decimal("cost") ?? 0,
            CreatedAt = context.Now,
        };
        context.Store.Add(item);
        var id = item.ShortId(project.Key);
        var builder = new MessageBuilder()
            .Text("✅ " + t["task.added", id, name, days, parent is null ? t["common.none"] : wbs.ShortId(parent), owner?.DisplayName ?? t["common.none"]]);
        if (effort is not null || item.FixedCost != 0)
            builder.Text(t["task.added_cost", t.Hours(effort), t.Money(CostSheet.PlannedCostOf(item, owner?.HourlyRate ?? 0), project)]);
        return BotReply.Of(builder
            .Actions(
                new ActionButton(t["button.wbs"], $"task list project {project.Key}"),
                new ActionButton(t["button.schedule"], $"plan schedule project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }
}

using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Members;
using PmBot.Core.Features.Plan;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Resources;

/// <summary>
/// <c>task assign ID @user [N%]</c> puts a person on a task with a share of their time (100% unless said; the first
/// person on a task without an owner becomes its owner); <c>task unassign ID @user</c> takes them off (an owner
/// taken off leaves the task without an owner). The owner counts as 100% unless assigned another share.
/// </summary>
public sealed class AssignTask : ICommandHandler
{
    private readonly bool _assign;

    private AssignTask(bool assign, IReadOnlyList<ParamSpec> extra)
    {
        _assign = assign;
        Spec = new CommandSpec(assign ? "task assign" : "task unassign", Access.ProjectMember,
            [new("item", ParamKind.ItemRef), new("user", ParamKind.Mention), .. extra, new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);
    }

    public static AssignTask Assign() => new(true, [new("share", ParamKind.Percent, Required: false)]);

    public static AssignTask Unassign() => new(false, []);

    public CommandSpec Spec { get; }

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        var reference = command.Item("item")!;
        if (wbs.Find(reference) is not { } item)
            return Replies.Error(t["task.not_found", reference, project.Key]);
        if (wbs.HasChildren(item))
            return Replies.Error(t["assign.summary", wbs.ShortId(item)]);
        var share = command.Integer("share") ?? 100;
        if (share == 0)
            return Replies.Error(t["assign.zero", wbs.ShortId(item)]);
        var found = await MemberLookup.FindAsync(context, command.Mention("user")!, cancellationToken);
        if (found.Member is not { } person)
            return Replies.Error(found.Error!);

        var allocations = (await context.Store.ListAllocationsAsync(project.Id, cancellationToken)).Where(a => a.WorkItemId == item.Id).ToList();
        var mine = allocations.FirstOrDefault(a => a.MemberId == person.Id);
        var id = wbs.ShortId(item);
        string said;
        if (_assign)
        {
            if (mine is null)
            {
                mine = new WorkItemAllocation { ProjectId = project.Id, WorkItemId = item.Id, MemberId = person.Id, Percent = share };
                context.Store.Add(mine);
                allocations.Add(mine);
            }
            else
                mine.Percent = share;
            var becomesOwner = item.OwnerMemberId is null;
            item.OwnerMemberId ??= person.Id;
            said = t[becomesOwner ? "assign.done_owner" : "assign.done", person.DisplayName, id, item.Name, share];
        }
        else
        {
            if (mine is null && item.OwnerMemberId != person.Id)
                return Replies.Error(t["assign.not_on", person.DisplayName, id]);
            if (mine is not null)
            {
                context.Store.Remove(mine);
                allocations.Remove(mine);
            }
            if (item.OwnerMemberId == person.Id)
                item.OwnerMemberId = null;
            said = t["assign.removed", person.DisplayName, id, item.Name];
        }

        var people = (await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken)).ToDictionary(m => m.Id);
        if (!people.ContainsKey(person.Id))
            people[person.Id] = person; // met for the first time in this command
        var onIt = WorkItemAllocation.Of(item, allocations)
            .Where(s => people.ContainsKey(s.MemberId))
            .Select(s => t[s.MemberId == item.OwnerMemberId ? "assign.share_owner" : "assign.share", people[s.MemberId].DisplayName, s.Percent])
            .ToList();
        return BotReply.Of(new MessageBuilder()
            .Text("👥 " + said)
            .Context(onIt.Count == 0 ? t["assign.nobody", id] : t["assign.on_it", string.Join(", ", onIt)])
            .Actions(new ActionButton(t["button.workload"], $"plan workload project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }
}

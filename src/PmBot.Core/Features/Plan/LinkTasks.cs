using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>task link ID ID [fs|ss|ff|sf] [lag N]</c>: the second item depends on the first (finish-to-start unless said
/// otherwise; a negative lag is a lead). A link that would close a loop is refused, naming the loop.
/// </summary>
public sealed class LinkTasks : ICommandHandler
{
    private static readonly Dictionary<string, DependencyType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fs"] = DependencyType.FinishToStart,
        ["ss"] = DependencyType.StartToStart,
        ["ff"] = DependencyType.FinishToFinish,
        ["sf"] = DependencyType.StartToFinish,
    };

    public CommandSpec Spec { get; } = new("task link", Access.ProjectMember,
    [
        new("from", ParamKind.ItemRef),
        new("to", ParamKind.ItemRef),
        new("type", ParamKind.Choice, Required: false, Choices: ["fs", "ss", "ff", "sf"]),
        new("lag", ParamKind.Integer, Required: false, Keyword: "lag"),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        var fromRef = command.Item("from")!;
        var toRef = command.Item("to")!;
        if (wbs.Find(fromRef) is not { } from)
            return Replies.Error(t["task.not_found", fromRef, project.Key]);
        if (wbs.Find(toRef) is not { } to)
            return Replies.Error(t["task.not_found", toRef, project.Key]);
        if (wbs.HasChildren(from) || wbs.HasChildren(to))
            return Replies.Error(t["task.link_summary", wbs.ShortId(wbs.HasChildren(from) ? from : to)]);
        var type = Types[command.Text("type") ?? "fs"];
        var lag = command.Integer("lag") ?? 0;

        var links = await context.Store.ListWorkItemLinksAsync(project.Id, cancellationToken);
        var existing = links.FirstOrDefault(l => l.PredecessorId == from.Id && l.SuccessorId == to.Id);
        var others = links.Where(l => l != existing).Select(l => new Dependency(wbs.ShortId(wbs.Get(l.PredecessorId)), wbs.ShortId(wbs.Get(l.SuccessorId)), l.Type, l.LagDays));
        if (CpmScheduler.FindCycle(others, new Dependency(wbs.ShortId(from), wbs.ShortId(to), type, lag)) is { } cycle)
            return Replies.Error(t["task.cycle", cycle.ToString()]);

        if (existing is null)
            context.Store.Add(new WorkItemLink { ProjectId = project.Id, PredecessorId = from.Id, SuccessorId = to.Id, Type = type, LagDays = lag });
        else
        {
            existing.Type = type;
            existing.LagDays = lag;
        }
        return BotReply.Of(new MessageBuilder()
            .Text("🔗 " + t["task.linked", wbs.ShortId(from), wbs.ShortId(to), t["link." + (command.Text("type") ?? "fs")], lag])
            .Actions(new ActionButton(t["button.schedule"], $"plan schedule project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }
}

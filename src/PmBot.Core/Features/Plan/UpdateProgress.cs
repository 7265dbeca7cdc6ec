using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>task start ID</c>, <c>task done ID</c>, <c>task progress ID N%</c>: progress on a task, with its actual start and
/// finish dates (today in the member's time zone). Parents take no progress of their own: report it on their tasks.
/// </summary>
public sealed class UpdateProgress : ICommandHandler
{
    private readonly string _verb;

    private UpdateProgress(string verb, IReadOnlyList<ParamSpec> extra)
    {
        _verb = verb;
        Spec = new CommandSpec("task " + verb, Access.ProjectMember,
            [new("item", ParamKind.ItemRef), .. extra, new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);
    }

    public static UpdateProgress Start() => new("start", []);

    public static UpdateProgress Done() => new("done", []);

    public static UpdateProgress Progress() => new("progress", [new("percent", ParamKind.Percent)]);

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
            return Replies.Error(t["task.progress_summary", wbs.ShortId(item)]);
        var today = context.Today;
        switch (_verb)
        {
            case "start":
                item.Start(today);
                break;
            case "done":
                item.ReportProgress(100, today);
                break;
            default:
                item.ReportProgress(command.Integer("percent")!.Value, today);
                break;
        }
        var id = wbs.ShortId(item);
        return BotReply.Of(new MessageBuilder()
            .Text((item.Status == WorkItemStatus.Done ? "🏁 " : "▶️ ") + t["task.progress", id, item.Name, t["task.status." + item.Status.ToString().ToLowerInvariant()], item.PercentComplete])
            .Actions(item.Status == WorkItemStatus.Done ? [] : [new ActionButton(t["button.done"], $"task done {id}", ButtonStyle.Primary)])
            .Build(), ReplyVisibility.Conversation);
    }
}

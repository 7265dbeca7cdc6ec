using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>task start ID</c>, <c>task done ID</c>, <c>task progress ID N%</c>, each with an optional <c>date DATE</c> ("as of";
/// default today in the member's time zone): progress on a task, with its actual start and finish dates, recorded in the
/// task's progress history (<see cref="ProgressLog"/>). Parents take no progress of their own: report it on their tasks.
/// </summary>
public sealed class UpdateProgress : ICommandHandler
{
    private readonly string _verb;

    private UpdateProgress(string verb, IReadOnlyList<ParamSpec> extra)
    {
        _verb = verb;
        Spec = new CommandSpec("task " + verb, Access.ProjectMember,
            [new("item", ParamKind.ItemRef), .. extra, new("date", ParamKind.Date, Required: false, Keyword: "date"),
                new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);
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
        var asOf = command.Date("date") ?? context.Today;
        var latest = await context.Store.FindLatestProgressSnapshotAsync(item.Id, cancellationToken);
        if (ProgressLog.Refusal(asOf, context.Today, latest) is { } refusal)
            return Replies.Error(t[refusal.Key, refusal.Args]);
        switch (_verb)
        {
            case "start":
                item.Start(asOf);
                break;
            case "done":
                item.ReportProgress(100, asOf);
                break;
            default:
                item.ReportProgress(command.Integer("percent")!.Value, asOf);
                break;
        }
        ProgressLog.Record(context.Store, item, latest, asOf, context.Now);
        var id = wbs.ShortId(item);
        var builder = new MessageBuilder()
            .Text((item.Status == WorkItemStatus.Done ? "🏁 " : "▶️ ") + t["task.progress", id, item.Name, t["task.status." + item.Status.ToString().ToLowerInvariant()], item.PercentComplete]);
        if (command.Date("date") is { } dated && dated != context.Today)
            builder.Context(t["progress.as_of", t.Date(dated)]);
        return BotReply.Of(builder
            .Actions(item.Status == WorkItemStatus.Done ? [] : [new ActionButton(t["button.done"], $"task done {id}", ButtonStyle.Primary)])
            .Build(), ReplyVisibility.Conversation);
    }
}

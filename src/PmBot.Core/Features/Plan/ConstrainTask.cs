using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>task constrain ID snet|mfo|none [DATE] [project KEY]</c>: a date the schedule must honour: start no earlier than
/// (snet) or must finish on (mfo: a fixed date, e.g. a milestone's; the schedule warns when the links need later),
/// or none to remove it.
/// </summary>
public sealed class ConstrainTask : ICommandHandler
{
    private static readonly Dictionary<string, ConstraintKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["snet"] = ConstraintKind.StartNoEarlierThan,
        ["mfo"] = ConstraintKind.MustFinishOn,
    };

    public CommandSpec Spec { get; } = new("task constrain", Access.ProjectMember,
    [
        new("item", ParamKind.ItemRef),
        new("constraint", ParamKind.Choice, Choices: ["snet", "mfo", "none"]),
        new("date", ParamKind.Date, Required: false),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        var reference = command.Item("item")!;
        if (wbs.Find(reference) is not { } item)
            return Replies.Error(t["task.not_found", reference, project.Key]);
        if (wbs.HasChildren(item))
            return Replies.Error(t["constraint.summary", wbs.ShortId(item)]);
        var kind = command.Text("constraint")!;
        var date = command.Date("date");
        if (kind == "none" ? date is not null : date is null)
            return Replies.Error(t[kind == "none" ? "constraint.no_date" : "constraint.needs_date", kind]);

        item.Constrain(date is { } d ? new ActivityConstraint(Kinds[kind], d) : null);
        var id = wbs.ShortId(item);
        return BotReply.Of(new MessageBuilder()
            .Text("📌 " + (date is { } on ? t["constraint.set." + kind, id, item.Name, t.Date(on)] : t["constraint.cleared", id, item.Name]))
            .Actions(new ActionButton(t["button.schedule"], $"plan schedule project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }
}

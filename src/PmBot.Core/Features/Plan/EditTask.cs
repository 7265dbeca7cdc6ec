using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Costs;
using PmBot.Core.Features.Members;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Plan;

/// <summary>
/// <c>task set ID [effort Nh] [cost AMOUNT] [days N] [owner @user] [deliverable yes|no] [desc "…"] [criteria "…"]</c>: edits a
/// work item's plan (PMs, or the item's owner). <c>desc -</c> / <c>criteria -</c> clear the text. Without any change it
/// opens the item's edit form, filled in with what it has now. Effort and fixed cost belong to tasks: a parent's are the
/// sum of its tasks.
/// </summary>
public sealed class EditTask : ICommandHandler
{
    /// <summary>Typed as a description or criteria, clears it.</summary>
    public const string Clear = "-";

    public CommandSpec Spec { get; } = new("task set", Access.ProjectMember,
    [
        new("item", ParamKind.ItemRef),
        new("effort", ParamKind.Hours, Required: false, Keyword: "effort"),
        new("cost", ParamKind.Money, Required: false, Keyword: "cost"),
        new("days", ParamKind.Integer, Required: false, Keyword: "days"),
        new("owner", ParamKind.Mention, Required: false, Keyword: "owner"),
        new("deliverable", ParamKind.Choice, Required: false, Keyword: "deliverable", Choices: ["yes", "no"]),
        new("desc", ParamKind.Text, Required: false, Keyword: "desc"),
        new("criteria", ParamKind.Text, Required: false, Keyword: "criteria"),
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
        var id = wbs.ShortId(item);
        if (context.Role != ProjectRole.Pm && item.OwnerMemberId != context.Member.Id)
            return Replies.Error(t["task.set_not_allowed", id]);
        Member? currentOwner = item.OwnerMemberId is { } ownerId ? await context.Store.GetMemberAsync(ownerId, cancellationToken) : null;

        var changing = Spec.Params.Where(p => p.Name is not ("item" or "project") && command.Has(p.Name)).ToList();
        if (changing.Count == 0)
            return Replies.FormReply(t, Spec, CurrentValues(item, id, currentOwner));

        var isParent = wbs.HasChildren(item);
        if (isParent && (command.Has("effort") || command.Has("cost")))
            return Replies.Error(t["task.plan_on_parent", id]);
        var days = command.Integer("days");
        if (days < 0)
            return Replies.Error(t["task.bad_days", days]);
        foreach (var name in new[] { "desc", "criteria" })
        {
            if (command.Text(name) is { } text && text.Trim().Length > WorkItem.MaxTextLength)
                return Replies.Error(t["task.text_too_long", t["param." + name], WorkItem.MaxTextLength]);
        }
        Member? newOwner = null;
        if (command.Mention("owner") is { } mention)
        {
            var found = await MemberLookup.FindAsync(context, mention, cancellationToken);
            if (found.Member is null)
                return Replies.Error(found.Error!);
            newOwner = found.Member;
        }

        var changes = new List<string>();
        void Changed(string field, string before, string after)
        {
            if (before != after)
                changes.Add(t["task.changed", t["param." + field], before, after]);
        }
        if (command.Decimal("effort") is { } effort)
        {
            Changed("effort", t.Hours(item.EffortHours), t.Hours(effort));
            item.EffortHours = effort;
        }
        if (command.Decimal("cost") is { } cost)
        {
            Changed("cost", t.Money(item.FixedCost), t.Money(cost));
            item.FixedCost = cost;
        }
        if (days is { } d)
        {
            Changed("days", item.DurationDays.ToString(t.Culture), d.ToString(t.Culture));
            item.DurationDays = d;
        }
        if (newOwner is not null)
        {
            Changed("owner", currentOwner?.DisplayName ?? t["common.none"], newOwner.DisplayName);
            item.OwnerMemberId = newOwner.Id;
        }
        if (command.Text("deliverable") is { } deliverable)
        {
            Changed("deliverable", t["choice." + (item.IsDeliverable ? "yes" : "no")], t["choice." + deliverable]);
            item.IsDeliverable = deliverable == "yes";
        }
        if (command.Text("desc") is { } desc)
        {
            var value = desc.Trim() == Clear ? null : desc.Trim();
            Changed("desc", Short(item.Description, t), Short(value, t));
            item.Description = value;
        }
        if (command.Text("criteria") is { } criteria)
        {
            var value = criteria.Trim() == Clear ? null : criteria.Trim();
            Changed("criteria", Short(item.AcceptanceCriteria, t), Short(value, t));
            item.AcceptanceCriteria = value;
        }

        var builder = new MessageBuilder();
        if (changes.Count == 0)
            builder.Text(t["task.unchanged", id, item.Name]);
        else
            builder.Text("✏️ " + t["task.updated", id, item.Name]).Text(string.Join("\n", changes.Select(c => "- " + c)));
        return BotReply.Of(builder
            .Actions(new ActionButton(t["button.show_task"], $"task show {id}"))
            .Build(), ReplyVisibility.Conversation);
    }

    private static Dictionary<string, object> CurrentValues(WorkItem item, string id, Member? owner)
    {
        var values = new Dictionary<string, object>
        {
            ["item"] = id,
            ["cost"] = item.FixedCost,
            ["days"] = item.DurationDays,
            ["deliverable"] = item.IsDeliverable ? "yes" : "no",
        };
        if (item.EffortHours is { } effort)
            values["effort"] = effort;
        if (owner is not null)
            values["owner"] = new MentionRef(owner.ExternalUserId, null);
        if (item.Description is { } desc)
            values["desc"] = desc;
        if (item.AcceptanceCriteria is { } criteria)
            values["criteria"] = criteria;
        return values;
    }

    /// <summary>A text as shown in a change line: quoted, cut at 60 characters.</summary>
    private static string Short(string? text, Localization.Localizer t) =>
        text is null ? t["common.none"] : "“" + (text.Length > 60 ? text[..57] + "…" : text) + "”";
}

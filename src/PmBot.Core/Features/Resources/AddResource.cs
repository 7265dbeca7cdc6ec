using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Resources;

/// <summary>
/// <c>resource add "&lt;name&gt;" [qty N] [unit-cost N] [need DATE] [supplier TEXT] [for ID] [project KEY]</c>: a piece of
/// equipment or material the project needs, with the project's next short id (<c>R3</c>); it starts as requested.
/// </summary>
public sealed class AddResource : ICommandHandler
{
    public CommandSpec Spec { get; } = new("resource add", Access.ProjectMember,
    [
        new("name", ParamKind.Text),
        new("qty", ParamKind.Number, Required: false, Keyword: "qty"),
        new("unit_cost", ParamKind.Number, Required: false, Keyword: "unit-cost"),
        new("need", ParamKind.Date, Required: false, Keyword: "need"),
        new("supplier", ParamKind.Text, Required: false, Keyword: "supplier"),
        new("item", ParamKind.ItemRef, Required: false, Keyword: "for"),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var name = command.Text("name")!.Trim();
        if (name.Length == 0 || name.Length > ProjectResource.MaxNameLength)
            return Replies.Error(t["resource.bad_name", ProjectResource.MaxNameLength]);
        var supplier = command.Text("supplier")?.Trim();
        if (supplier is { Length: 0 or > ProjectResource.MaxSupplierLength })
            return Replies.Error(t["resource.bad_supplier", ProjectResource.MaxSupplierLength]);
        var quantity = command.Number("qty") ?? 1;
        if (quantity == 0)
            return Replies.Error(t["resource.zero_qty"]);
        WorkItem? item = null;
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        if (command.Item("item") is { } reference && (item = wbs.Find(reference)) is null)
            return Replies.Error(t["task.not_found", reference, project.Key]);

        var existing = await context.Store.ListResourcesAsync(project.Id, cancellationToken);
        var resource = new ProjectResource
        {
            ProjectId = project.Id,
            Number = existing.Count == 0 ? 1 : existing.Max(r => r.Number) + 1,
            Name = name,
            Quantity = quantity,
            UnitCost = command.Number("unit_cost"),
            NeededBy = command.Date("need"),
            Supplier = supplier,
            WorkItemId = item?.Id,
            CreatedAt = context.Now,
        };
        context.Store.Add(resource);
        var none = t["common.none"];
        return BotReply.Of(new MessageBuilder()
            .Text("📦 " + t["resource.added", resource.ShortId, name, quantity, resource.Cost is { } cost ? t["resource.cost", cost] : none,
                t.Date(resource.NeededBy), supplier ?? none, item is null ? none : wbs.ShortId(item)])
            .Actions(new ActionButton(t["button.resources"], $"resource list project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }
}

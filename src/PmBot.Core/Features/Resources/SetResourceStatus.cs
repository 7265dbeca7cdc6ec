using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Resources;

/// <summary>
/// <c>resource status RESOURCE requested|ordered|delivered [eta DATE] [project KEY]</c>: how far a resource's delivery
/// is; <c>eta</c> is the supplier's expected delivery date (not for delivered: that is today). The resource is named
/// by its id (<c>R3</c> or <c>3</c>) or its name.
/// </summary>
public sealed class SetResourceStatus : ICommandHandler
{
    public static readonly IReadOnlyList<string> Statuses = ["requested", "ordered", "delivered"];

    public CommandSpec Spec { get; } = new("resource status", Access.ProjectMember,
    [
        new("resource", ParamKind.Text),
        new("status", ParamKind.Choice, Choices: Statuses),
        new("eta", ParamKind.Date, Required: false, Keyword: "eta"),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var typed = command.Text("resource")!;
        var resources = await context.Store.ListResourcesAsync(project.Id, cancellationToken);
        var matches = Find(resources, typed);
        if (matches.Count == 0)
            return Replies.Error(t["resource.not_found", typed, project.Key]);
        if (matches.Count > 1)
            return Replies.Error(t["resource.ambiguous", typed, string.Join(", ", matches.Select(r => r.ShortId))]);
        var resource = matches[0];
        var status = Enum.Parse<ResourceStatus>(command.Text("status")!, ignoreCase: true);
        var eta = command.Date("eta");
        if (status == ResourceStatus.Delivered && eta is not null)
            return Replies.Error(t["resource.eta_delivered"]);

        resource.MoveTo(status, eta, context.Today);
        var builder = new MessageBuilder().Text("🚚 " + t["resource.status_set", resource.ShortId, resource.Name, ListResources.State(t, resource)]);
        if (resource.WorkItemId is not null || resource.NeededBy is not null)
        {
            var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
            var item = resource.WorkItemId is { } itemId ? wbs.Get(itemId) : null;
            var start = item is null ? null : ListResources.StartOf(wbs, await ScheduleOf.ProjectAsync(context.Store, wbs, context.Today, cancellationToken), item);
            if (resource.Lateness(context.Today, start) is var late and not ResourceLateness.None)
                builder.Text("⚠️ " + ListResources.Late(t, resource, late, item is null ? "" : wbs.ShortId(item), start));
        }
        return BotReply.Of(builder
            .Actions(new ActionButton(t["button.resources"], $"resource list project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }

    /// <summary>The resources a typed reference means: its id (<c>R3</c>, <c>r3</c>, <c>3</c>), else its name in any case.</summary>
    public static IReadOnlyList<ProjectResource> Find(IReadOnlyList<ProjectResource> resources, string typed)
    {
        var text = typed.Trim();
        var digits = text.StartsWith('R') || text.StartsWith('r') ? text[1..] : text;
        if (int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && resources.FirstOrDefault(r => r.Number == number) is { } byId)
            return [byId];
        return resources.Where(r => string.Equals(r.Name, text, StringComparison.CurrentCultureIgnoreCase)).ToList();
    }
}

using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Checkins;

/// <summary>Opening blockers (from answers and <c>blocker add</c>) with the next number of their project.</summary>
public static class Blockers
{
    public static async Task<Blocker> OpenAsync(CommandContext context, Project project, string text, WorkItem? item, CancellationToken cancellationToken)
    {
        var blocker = new Blocker
        {
            ProjectId = project.Id,
            Number = await context.Store.MaxBlockerNumberAsync(project.Id, cancellationToken) + 1,
            MemberId = context.Member.Id,
            WorkItemId = item?.Id,
            Text = text,
            OpenedAt = context.Now,
            ChangedAt = context.Now,
        };
        context.Store.Add(blocker);
        return blocker;
    }
}

/// <summary><c>blocker add "text" [ID] [project KEY]</c>: something in my way, optionally on a task; followed until resolved.</summary>
public sealed class AddBlocker : ICommandHandler
{
    public CommandSpec Spec { get; } = new("blocker add", Access.ProjectMember,
    [
        new("text", ParamKind.Text),
        new("item", ParamKind.ItemRef, Required: false),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var text = command.Text("text")!.Trim();
        if (text.Length > Blocker.MaxTextLength)
            return Replies.Error(t["parse.too_long", t["param.text"], Blocker.MaxTextLength]);
        WorkItem? item = null;
        if (command.Item("item") is { } reference)
        {
            var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
            item = wbs.Find(reference);
            if (item is null)
                return Replies.Error(t["task.not_found", reference, project.Key]);
        }
        var blocker = await Blockers.OpenAsync(context, project, text, item, cancellationToken);
        return BotReply.Of(new MessageBuilder()
            .Text("🚧 " + t["blocker.opened", blocker.Number, blocker.Text] + (item is null ? "" : $" ({item.ShortId(project.Key)})"))
            .Actions(new ActionButton(t["blocker.button.resolve"], $"blocker resolve {blocker.Number} project {project.Key}"),
                new ActionButton(t["blocker.button.list"], $"blocker list project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }
}

/// <summary><c>blocker list [all] [project KEY]</c>: the project's open blockers (with <c>all</c>, resolved ones too).</summary>
public sealed class ListBlockers : ICommandHandler
{
    public CommandSpec Spec { get; } = new("blocker list", Access.ProjectStakeholder,
    [
        new("which", ParamKind.Choice, Required: false, Choices: ["open", "all"]),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var all = command.Text("which") == "all";
        var blockers = await context.Store.ListBlockersAsync(project.Id, all, cancellationToken);
        if (blockers.Count == 0)
            return BotReply.Of(OutboundMessage.Text(t["blocker.none", project.Key]));
        var members = (await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken)).ToDictionary(m => m.Id);
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        var rows = blockers.Select(b => (IReadOnlyList<string>)
        [
            "#" + b.Number.ToString(t.Culture),
            b.Text,
            b.WorkItemId is { } id ? wbs.ShortId(wbs.Get(id)) : "",
            members.TryGetValue(b.MemberId, out var m) ? m.DisplayName : "",
            t.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(b.OpenedAt, MemberClock.Zone(context.Member)).DateTime)),
            t["blocker.status." + b.Status.ToString().ToLowerInvariant()],
        ]).ToList();
        var open = blockers.Where(b => b.Status == BlockerStatus.Open).Take(3)
            .Select(b => new ActionButton(t["blocker.button.resolve_n", b.Number], $"blocker resolve {b.Number} project {project.Key}")).ToArray();
        return BotReply.Of(new MessageBuilder()
            .Heading(t["blocker.list_title", project.Key, blockers.Count(b => b.Status == BlockerStatus.Open)])
            .Table([t["field.id"], t["blocker.field.text"], t["blocker.field.task"], t["blocker.field.who"], t["blocker.field.opened"], t["blocker.field.status"]], rows)
            .Actions(open)
            .Build());
    }
}

/// <summary><c>blocker resolve N [project KEY]</c>: the blocker is out of the way.</summary>
public sealed class ResolveBlocker : ICommandHandler
{
    public CommandSpec Spec { get; } = new("blocker resolve", Access.ProjectMember,
    [
        new("number", ParamKind.Integer),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var number = command.Integer("number")!.Value;
        var blocker = await context.Store.FindBlockerAsync(project.Id, number, cancellationToken);
        if (blocker is null)
            return Replies.Error(t["blocker.not_found", number, project.Key]);
        if (blocker.Status == BlockerStatus.Resolved)
            return Replies.Error(t["blocker.already_resolved", number]);
        blocker.Resolve(context.Member.Id, context.Now);
        return BotReply.Of(OutboundMessage.Text("✅ " + t["blocker.resolved", blocker.Number, blocker.Text]), ReplyVisibility.Conversation);
    }
}

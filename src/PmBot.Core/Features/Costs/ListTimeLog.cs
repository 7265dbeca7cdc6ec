using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Members;
using PmBot.Core.Features.Plan;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Costs;

/// <summary>
/// <c>log list [@user] [project KEY]</c>: hours logged in the project (by one person, or everyone), newest first (the last
/// <see cref="MaxRows"/>), with totals. The cost column is shown to PMs only (it reveals hourly rates).
/// </summary>
public sealed class ListTimeLog : ICommandHandler
{
    public const int MaxRows = 30;

    public CommandSpec Spec { get; } = new("log list", Access.ProjectStakeholder,
    [
        new("user", ParamKind.Mention, Required: false),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        Member? who = null;
        if (command.Mention("user") is { } mention)
        {
            var found = await MemberLookup.FindAsync(context, mention, cancellationToken);
            if (found.Member is null)
                return Replies.Error(found.Error!);
            who = found.Member;
        }
        var entries = (await context.Store.ListTimeEntriesAsync(project.Id, cancellationToken)).Where(e => who is null || e.MemberId == who.Id).ToList();
        if (entries.Count == 0)
        {
            return BotReply.Of(new MessageBuilder()
                .Text(who is null ? t["log.none_yet", project.Key] : t["log.none_yet_by", project.Key, who.DisplayName])
                .Context(t["log.add_hint"])
                .Build());
        }
        var pm = context.Role == ProjectRole.Pm;
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        var byId = wbs.Items.ToDictionary(i => i.Id);
        var people = (await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken)).ToDictionary(m => m.Id, m => m.DisplayName);
        var rows = entries.AsEnumerable().Reverse().Take(MaxRows).Select(e =>
        {
            List<string> row =
            [
                t.Date(e.Date),
                people.GetValueOrDefault(e.MemberId, ""),
                byId.TryGetValue(e.WorkItemId, out var w) ? wbs.ShortId(w) : "",
                t.Hours(e.Hours),
            ];
            if (pm)
                row.Add(t.Money(e.Cost));
            row.Add(e.Note ?? "");
            return (IReadOnlyList<string>)row;
        }).ToList();
        List<string> columns = [t["costs.col.date"], t["costs.col.by"], t["field.id"], t["costs.col.hours"]];
        if (pm)
            columns.Add(t["costs.col.amount"]);
        columns.Add(t["costs.col.note"]);
        var title = t[who is null ? "log.list_title" : "log.list_title_by", project.Key, t.Hours(entries.Sum(e => e.Hours)), entries.Count, who?.DisplayName ?? ""];
        var builder = new MessageBuilder().Heading(title).Table(columns, rows);
        if (pm)
            builder.Context(t["log.total_cost", t.Money(entries.Sum(e => e.Cost), project)]);
        if (entries.Count > MaxRows)
            builder.Context(t["costs.latest_only", MaxRows]);
        return BotReply.Of(builder.Fallback(title).Build());
    }
}

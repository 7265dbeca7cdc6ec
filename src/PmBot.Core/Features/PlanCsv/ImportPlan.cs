using System.Globalization;
using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Features.Plan;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.PlanCsv;

/// <summary>
/// <c>plan import [project KEY] [dry-run]</c> with a plan CSV on the lines after it (docs/csv.md), PMs only. Every row is
/// checked first; if any is bad, each problem is listed with its line and nothing is imported. Otherwise the rows
/// become work items with the project's next short ids, with their parents, links and owners, all in the command's one
/// transaction. <c>dry-run</c> only says what would be created.
/// </summary>
public sealed class ImportPlan : ICommandHandler
{
    private const int MaxProblemsShown = 50;

    public CommandSpec Spec { get; } = new("plan import", Access.ProjectPm,
    [
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
        new("dryrun", ParamKind.Choice, Required: false, Choices: ["dry-run"]),
        new("csv", ParamKind.Rest),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var members = await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken);
        var check = PlanImport.Check(command.Text("csv")!, members);
        var builder = new MessageBuilder();
        if (!check.IsValid)
        {
            builder.Text("⚠️ " + t["csv.invalid", check.Errors.Count, project.Key])
                .Table([t["csv.line"], t["csv.problem"]], check.Errors.Take(MaxProblemsShown)
                    .Select(e => (IReadOnlyList<string>)[e.Line.ToString(CultureInfo.InvariantCulture), t["csv.error." + e.Key, e.Args]]).ToList());
            if (check.Errors.Count > MaxProblemsShown)
                builder.Context(t["csv.more_problems", check.Errors.Count - MaxProblemsShown]);
            return BotReply.Of(Notes(builder, t, check).Context(t["csv.format_hint"]).Build());
        }

        var summary = t["csv.summary", check.Rows.Count, check.LinkCount, check.Levels];
        if (command.Has("dryrun"))
            return BotReply.Of(Notes(builder.Text("🔎 " + t["csv.dry_run", project.Key, summary]), t, check).Build());

        var existing = await context.Store.ListWorkItemsAsync(project.Id, cancellationToken);
        var first = existing.Count == 0 ? 1 : existing.Max(i => i.Number) + 1;
        var (items, links) = check.Build(project.Id, first, context.Now);
        foreach (var item in items)
            context.Store.Add(item);
        foreach (var link in links)
            context.Store.Add(link);
        return BotReply.Of(Notes(builder.Text("📥 " + t["csv.imported", project.Key, summary, items[0].ShortId(project.Key), items[^1].ShortId(project.Key)]), t, check)
            .Actions(
                new ActionButton(t["button.schedule"], $"plan schedule project {project.Key}", ButtonStyle.Primary),
                new ActionButton(t["button.wbs"], $"task list project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }

    /// <summary>The columns that were not imported, and why.</summary>
    private static MessageBuilder Notes(MessageBuilder builder, Localizer t, ImportCheck check)
    {
        if (check.UnknownColumns.Count > 0)
            builder.Context(t["csv.unknown_columns", string.Join(", ", check.UnknownColumns)]);
        if (check.ComputedColumns.Count > 0)
            builder.Context(t["csv.computed_columns", string.Join(", ", check.ComputedColumns)]);
        return builder;
    }
}

using System.Globalization;
using PmBot.Core.Conversation;
using PmBot.Core.Csv;
using PmBot.Core.Dispatching;
using PmBot.Core.Features.Plan;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.PlanCsv;

/// <summary>
/// <c>plan export [project KEY]</c>: the whole WBS as a CSV that <c>plan import</c> reads back (tree, durations, owners,
/// links) with the schedule, baseline and progress after it; <c>plan export progress [project KEY]</c>: each task's
/// progress and its slip against the baseline. The file is published at a signed, expiring link (docs/csv.md).
/// </summary>
public sealed class ExportPlan : ICommandHandler
{
    private readonly bool _progress;

    private ExportPlan(bool progress)
    {
        _progress = progress;
        Spec = new CommandSpec(progress ? "plan export progress" : "plan export", Access.ProjectStakeholder,
            [new("project", ParamKind.ProjectKey, Required: false, Keyword: "project")]);
    }

    public static ExportPlan Plan() => new(false);

    public static ExportPlan Progress() => new(true);

    public CommandSpec Spec { get; }

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        if (context.Files is null)
            return Replies.Error(t["csv.no_files"]);
        var wbs = new Wbs(project, await context.Store.ListWorkItemsAsync(project.Id, cancellationToken));
        if (wbs.Items.Count == 0)
            return BotReply.Of(new MessageBuilder().Text(t["task.none_yet", project.Key]).Context(t["task.add_hint"]).Build());

        var baseline = (await context.Store.ListBaselinesAsync(project.Id, cancellationToken)).FirstOrDefault(b => b.IsCurrent);
        var data = new PlanData(
            wbs,
            await context.Store.ListWorkItemLinksAsync(project.Id, cancellationToken),
            await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken),
            await ScheduleOf.ProjectAsync(context.Store, wbs, context.Today, cancellationToken),
            baseline is null ? new Dictionary<Guid, Domain.PlanBaselineItem>() : (await context.Store.ListBaselineItemsAsync(baseline.Id, cancellationToken)).ToDictionary(b => b.WorkItemId));
        var kind = _progress ? "progress" : "plan";
        var fileName = $"{project.Key}-{kind}-{context.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        var csv = _progress ? PlanExport.Progress(data) : PlanExport.Plan(data);
        var published = await context.Files.PublishAsync(new FileContent(fileName, "text/csv; charset=utf-8", CsvWriter.Utf8WithBom(csv)), cancellationToken);

        var rows = _progress ? wbs.Items.Count(i => !wbs.HasChildren(i)) : wbs.Items.Count;
        var title = t["csv.title." + kind, project.Key, rows];
        var expires = TimeZoneInfo.ConvertTime(published.ExpiresAt, MemberClock.Zone(context.Member)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var builder = new MessageBuilder()
            .Text("📄 " + title)
            .Add(new FileBlock(published.Url, fileName, title))
            .Context(t["csv.link_expires", expires]);
        if (data.Schedule is null)
            builder.Context("⚠️ " + t["csv.unscheduled", project.Key]);
        return BotReply.Of(builder.Fallback(title).Build());
    }
}

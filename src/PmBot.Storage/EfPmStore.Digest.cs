using Microsoft.EntityFrameworkCore;
using PmBot.Core.Domain;
using PmBot.Core.Ports;

namespace PmBot.Storage;

/// <summary>Digest, status and participation reads.</summary>
public sealed partial class EfPmStore
{
    public Task<DigestSetting?> FindDigestSettingAsync(Guid projectId, Guid memberId, CancellationToken cancellationToken) =>
        db.DigestSettings.FirstOrDefaultAsync(s => s.ProjectId == projectId && s.MemberId == memberId, cancellationToken);

    public async Task<IReadOnlyList<DigestRecipient>> ListDigestRecipientsAsync(CancellationToken cancellationToken)
    {
        var rows = await (
            from membership in db.ProjectMemberships.AsNoTracking()
            where membership.Role == ProjectRole.Pm
            join project in db.Projects.AsNoTracking() on membership.ProjectId equals project.Id
            where project.Status != ProjectStatus.Closed
            join member in db.Members.AsNoTracking() on membership.MemberId equals member.Id
            join workspace in db.Workspaces.AsNoTracking() on project.WorkspaceId equals workspace.Id
            where workspace.IsActive
            from setting in db.DigestSettings.AsNoTracking().Where(s => s.ProjectId == project.Id && s.MemberId == member.Id).DefaultIfEmpty()
            select new { project, member, workspace, setting }).ToListAsync(cancellationToken);
        return rows.Select(r => new DigestRecipient(r.project, r.member, r.workspace, r.setting)).ToList();
    }

    public Task<bool> OutboxMessageExistsAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        db.OutboxMessages.AnyAsync(o => o.IdempotencyKey == idempotencyKey, cancellationToken);

    public async Task<IReadOnlyList<CheckinQuestion>> ListCheckinQuestionsOfTemplatesAsync(IReadOnlyCollection<Guid> templateIds, CancellationToken cancellationToken) =>
        templateIds.Count == 0 ? [] : await db.CheckinQuestions.Where(q => templateIds.Contains(q.TemplateId))
            .OrderBy(q => q.TemplateId).ThenBy(q => q.Position).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CheckinOccurrence>> ListAnsweredCheckinOccurrencesAsync(IReadOnlyCollection<Guid> scheduleIds, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        scheduleIds.Count == 0 ? [] : await db.CheckinOccurrences.AsNoTracking()
            .Where(o => scheduleIds.Contains(o.ScheduleId) && o.LocalDate >= from && o.LocalDate <= to && o.State == OccurrenceState.Answered)
            .ToListAsync(cancellationToken);

    public async Task<PlanRows> ReadPlanAsync(Guid projectId, CancellationToken cancellationToken)
    {
        // Each read on a context (and connection) of its own, on the thread pool (SQLite reads run synchronously).
        var items = OnOwnContext(c => WorkItemsOf(c, projectId, cancellationToken), cancellationToken);
        var links = OnOwnContext(c => LinksOf(c, projectId, cancellationToken), cancellationToken);
        var baseline = OnOwnContext(c => CurrentBaselineOf(c, projectId, cancellationToken), cancellationToken);
        var snapshots = OnOwnContext(c => SnapshotsOf(c, projectId, cancellationToken), cancellationToken);
        var timeEntries = OnOwnContext(c => TimeEntriesOf(c, projectId, cancellationToken), cancellationToken);
        var costEntries = OnOwnContext(c => CostEntriesOf(c, projectId, cancellationToken), cancellationToken);
        await Task.WhenAll(items, links, baseline, snapshots, timeEntries, costEntries);
        return new PlanRows(await items, await links, await baseline, await snapshots, await timeEntries, await costEntries);
    }

    private Task<T> OnOwnContext<T>(Func<PmBotDbContext, Task<T>> read, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            await using var context = readers.CreateDbContext();
            return await read(context);
        }, cancellationToken);

    // Built through the constructor that takes the id (EF would call the one that draws a new id, then overwrite it).
    // Every mapped property is copied: DigestReadTests checks none is left out. The project id
    // is the one asked for, not read back: SQLite keeps ids as text, and parsing one per row is a large part of the read.
    // Sorted here rather than by the database: in number order PostgreSQL fetches the rows one by one through the index.
    private static async Task<List<WorkItem>> WorkItemsOf(PmBotDbContext context, Guid projectId, CancellationToken cancellationToken)
    {
        var items = await context.WorkItems.AsNoTracking().Where(w => w.ProjectId == projectId)
            .Select(w => new WorkItem(w.Id)
            {
                ProjectId = projectId,
                Number = w.Number,
                ParentId = w.ParentId,
                Name = w.Name,
                DurationDays = w.DurationDays,
                OwnerMemberId = w.OwnerMemberId,
                Status = w.Status,
                PercentComplete = w.PercentComplete,
                ActualStart = w.ActualStart,
                ActualFinish = w.ActualFinish,
                EffortHours = w.EffortHours,
                RemainingHours = w.RemainingHours,
                FixedCost = w.FixedCost,
                Description = w.Description,
                AcceptanceCriteria = w.AcceptanceCriteria,
                IsDeliverable = w.IsDeliverable,
                IsMilestone = w.IsMilestone,
                TargetDate = w.TargetDate,
                ConstraintKind = w.ConstraintKind,
                ConstraintDate = w.ConstraintDate,
                CreatedAt = w.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        items.Sort((a, b) => a.Number.CompareTo(b.Number));
        return items;
    }

    // The project id is the one asked for, not read back (see WorkItemsOf). The links are built after the query:
    // EF would send the id as a parameter and read it back as a column of every row.
    private static async Task<List<WorkItemLink>> LinksOf(PmBotDbContext context, Guid projectId, CancellationToken cancellationToken)
    {
        var rows = await context.WorkItemLinks.Where(l => l.ProjectId == projectId)
            .Select(l => new { l.PredecessorId, l.SuccessorId, l.Type, l.LagDays })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(l => new WorkItemLink { ProjectId = projectId, PredecessorId = l.PredecessorId, SuccessorId = l.SuccessorId, Type = l.Type, LagDays = l.LagDays });
    }

    private static async Task<CurrentBaseline?> CurrentBaselineOf(PmBotDbContext context, Guid projectId, CancellationToken cancellationToken)
    {
        var baseline = await context.PlanBaselines.AsNoTracking().FirstOrDefaultAsync(b => b.ProjectId == projectId && b.IsCurrent, cancellationToken);
        return baseline is null ? null : new CurrentBaseline(baseline, await BaselineItemsOf(context, baseline.Id, cancellationToken));
    }

    // Not tracked: baseline items never change once saved (init-only), and a baseline of 10,000 tasks is read several times
    // faster. The baseline id is the one asked for, not read back (SQLite keeps ids as text: one parse less per row); the
    // items are built after the query, else EF would send the id as a parameter and read it back as a column of every row.
    private static async Task<List<PlanBaselineItem>> BaselineItemsOf(PmBotDbContext context, Guid baselineId, CancellationToken cancellationToken)
    {
        var rows = await context.PlanBaselineItems.Where(i => i.BaselineId == baselineId)
            .Select(i => new { i.WorkItemId, i.Start, i.Finish, i.DurationDays, i.EffortHours, i.PlannedCost })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(i => new PlanBaselineItem
        {
            BaselineId = baselineId, WorkItemId = i.WorkItemId, Start = i.Start, Finish = i.Finish, DurationDays = i.DurationDays,
            EffortHours = i.EffortHours, PlannedCost = i.PlannedCost,
        });
    }

    // A project's whole progress history (a digest of 10,000 tasks reads about 14,000 rows): the columns its readers use,
    // in no order (they sort by date themselves; PostgreSQL then reads the rows as they lie instead of sorting them).
    private static async Task<List<ProgressSnapshot>> SnapshotsOf(PmBotDbContext context, Guid projectId, CancellationToken cancellationToken)
    {
        var rows = await context.ProgressSnapshots.Where(s => s.ProjectId == projectId)
            .Select(s => new { s.Id, s.WorkItemId, s.Date, s.PercentComplete, s.RemainingHours })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(s => new ProgressSnapshot(s.Id) { ProjectId = projectId, WorkItemId = s.WorkItemId, Date = s.Date, PercentComplete = s.PercentComplete, RemainingHours = s.RemainingHours });
    }

    private static Task<List<TimeEntry>> TimeEntriesOf(PmBotDbContext context, Guid projectId, CancellationToken cancellationToken) =>
        context.TimeEntries.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Date).ThenBy(e => e.CreatedAt).ToListAsync(cancellationToken);

    private static Task<List<CostEntry>> CostEntriesOf(PmBotDbContext context, Guid projectId, CancellationToken cancellationToken) =>
        context.CostEntries.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Date).ThenBy(e => e.CreatedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Blocker>> ListOpenAndRecentBlockersAsync(Guid projectId, DateTimeOffset resolvedSince, CancellationToken cancellationToken) =>
        await db.Blockers.AsNoTracking().Where(b => b.ProjectId == projectId && (b.Status == BlockerStatus.Open || b.ResolvedAt >= resolvedSince))
            .OrderBy(b => b.Number).ToListAsync(cancellationToken);
}

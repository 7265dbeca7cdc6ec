using Microsoft.EntityFrameworkCore;
using PmBot.Core.Domain;

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

    // Built through the constructor that takes the id (EF would call the one that draws a new id, then overwrite it).
    // Every mapped property is copied: DigestReadTests checks none is left out. The project id
    // is the one asked for, not read back: SQLite keeps ids as text, and parsing one per row is a large part of the read.
    // Sorted here rather than by the database: in number order PostgreSQL fetches the rows one by one through the index.
    public async Task<IReadOnlyList<WorkItem>> ReadWorkItemsAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var items = await db.WorkItems.AsNoTracking().Where(w => w.ProjectId == projectId)
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

    // The project id is the one asked for, not read back (see ReadWorkItemsAsync). The links are built after the query:
    // EF would send the id as a parameter and read it back as a column of every row.
    public async Task<IReadOnlyList<WorkItemLink>> ReadWorkItemLinksAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var rows = await db.WorkItemLinks.Where(l => l.ProjectId == projectId)
            .Select(l => new { l.PredecessorId, l.SuccessorId, l.Type, l.LagDays })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(l => new WorkItemLink { ProjectId = projectId, PredecessorId = l.PredecessorId, SuccessorId = l.SuccessorId, Type = l.Type, LagDays = l.LagDays });
    }

    public async Task<IReadOnlyList<Blocker>> ListOpenAndRecentBlockersAsync(Guid projectId, DateTimeOffset resolvedSince, CancellationToken cancellationToken) =>
        await db.Blockers.AsNoTracking().Where(b => b.ProjectId == projectId && (b.Status == BlockerStatus.Open || b.ResolvedAt >= resolvedSince))
            .OrderBy(b => b.Number).ToListAsync(cancellationToken);
}

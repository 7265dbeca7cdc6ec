using Microsoft.EntityFrameworkCore;
using PmBot.Core.Domain;
using PmBot.Core.Outbox;

namespace PmBot.Storage;

/// <summary>Calendar and check-ins.</summary>
public sealed partial class EfPmStore
{
    /// <summary>The check-in schedules this unit of work adds, changes or deletes (their jobs must follow).</summary>
    private List<Guid> ChangedSchedules() =>
        [.. db.ChangeTracker.Entries<CheckinSchedule>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.Id)];

    public Task<Workspace?> GetWorkspaceAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        db.Workspaces.FirstOrDefaultAsync(w => w.Id == workspaceId, cancellationToken);

    public async Task<IReadOnlyList<Holiday>> ListHolidaysAsync(Guid workspaceId, DateOnly from, CancellationToken cancellationToken) =>
        await db.Holidays.Where(h => h.WorkspaceId == workspaceId && h.Date >= from).OrderBy(h => h.Date).ToListAsync(cancellationToken);

    public Task<Holiday?> FindHolidayAsync(Guid workspaceId, DateOnly date, CancellationToken cancellationToken) =>
        db.Holidays.FirstOrDefaultAsync(h => h.WorkspaceId == workspaceId && h.Date == date, cancellationToken);

    public async Task<IReadOnlyList<Absence>> ListAbsencesAsync(Guid workspaceId, DateOnly from, CancellationToken cancellationToken) =>
        await db.Absences.Where(a => a.WorkspaceId == workspaceId && a.To >= from).OrderBy(a => a.From).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Absence>> ListAbsencesOfMemberAsync(Guid memberId, DateOnly from, CancellationToken cancellationToken) =>
        await db.Absences.Where(a => a.MemberId == memberId && a.To >= from).OrderBy(a => a.From).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CheckinTemplate>> ListCheckinTemplatesAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        await db.CheckinTemplates.Where(t => t.WorkspaceId == workspaceId).OrderBy(t => t.Name).ToListAsync(cancellationToken);

    public Task<CheckinTemplate?> FindCheckinTemplateAsync(Guid workspaceId, string name, CancellationToken cancellationToken) =>
        db.CheckinTemplates.FirstOrDefaultAsync(t => t.WorkspaceId == workspaceId && t.Name == name, cancellationToken);

    public Task<CheckinTemplate?> GetCheckinTemplateAsync(Guid templateId, CancellationToken cancellationToken) =>
        db.CheckinTemplates.FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken);

    public async Task<IReadOnlyList<CheckinQuestion>> ListCheckinQuestionsAsync(Guid templateId, CancellationToken cancellationToken) =>
        await db.CheckinQuestions.Where(q => q.TemplateId == templateId).OrderBy(q => q.Position).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CheckinSchedule>> ListAllCheckinSchedulesAsync(CancellationToken cancellationToken) =>
        await db.CheckinSchedules.OrderBy(s => s.WorkspaceId).ThenBy(s => s.Number).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CheckinSchedule>> ListCheckinSchedulesAsync(Guid workspaceId, Guid? projectId, CancellationToken cancellationToken) =>
        await db.CheckinSchedules.Where(s => s.WorkspaceId == workspaceId && (projectId == null || s.ProjectId == projectId))
            .OrderBy(s => s.Number).ToListAsync(cancellationToken);

    public Task<CheckinSchedule?> FindCheckinScheduleAsync(Guid workspaceId, int number, CancellationToken cancellationToken) =>
        db.CheckinSchedules.FirstOrDefaultAsync(s => s.WorkspaceId == workspaceId && s.Number == number, cancellationToken);

    public Task<CheckinSchedule?> GetCheckinScheduleAsync(Guid scheduleId, CancellationToken cancellationToken) =>
        db.CheckinSchedules.FirstOrDefaultAsync(s => s.Id == scheduleId, cancellationToken);

    public async Task<IReadOnlyList<CheckinScheduleMember>> ListCheckinScheduleMembersAsync(Guid scheduleId, CancellationToken cancellationToken) =>
        await db.CheckinScheduleMembers.Where(m => m.ScheduleId == scheduleId).ToListAsync(cancellationToken);

    public async Task<int> MaxCheckinScheduleNumberAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        await db.CheckinSchedules.Where(s => s.WorkspaceId == workspaceId).MaxAsync(s => (int?)s.Number, cancellationToken) ?? 0;

    public Task<CheckinOccurrence?> GetCheckinOccurrenceAsync(Guid occurrenceId, CancellationToken cancellationToken) =>
        db.CheckinOccurrences.FirstOrDefaultAsync(o => o.Id == occurrenceId, cancellationToken);

    public async Task<IReadOnlyList<CheckinOccurrence>> ListCheckinOccurrencesAsync(Guid scheduleId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await db.CheckinOccurrences.Where(o => o.ScheduleId == scheduleId && o.LocalDate >= from && o.LocalDate <= to).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CheckinOccurrence>> ListProjectCheckinOccurrencesAsync(Guid projectId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await db.CheckinOccurrences.AsNoTracking().Where(o => o.ProjectId == projectId && o.LocalDate >= from && o.LocalDate <= to)
            .OrderBy(o => o.LocalDate).ThenBy(o => o.PromptAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CheckinOccurrence>> ListAnswerableCheckinOccurrencesAsync(Guid memberId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.CheckinOccurrences.Where(o => o.MemberId == memberId && o.AnswerableUntil > now && o.State != OccurrenceState.Away)
            .OrderBy(o => o.PromptAt).ToListAsync(cancellationToken);

    public Task<CheckinOccurrence?> FindLatestAnsweredCheckinOccurrenceAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.CheckinOccurrences.Where(o => o.MemberId == memberId && o.State == OccurrenceState.Answered)
            .OrderByDescending(o => o.PromptAt).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<CheckinOccurrence>> ListOverdueCheckinOccurrencesAsync(Guid scheduleId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.CheckinOccurrences.Where(o => o.ScheduleId == scheduleId && o.WindowEndsAt <= now
            && (o.State == OccurrenceState.Scheduled || o.State == OccurrenceState.Sent)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CheckinAnswer>> ListCheckinAnswersAsync(IReadOnlyCollection<Guid> occurrenceIds, CancellationToken cancellationToken) =>
        occurrenceIds.Count == 0 ? [] : await db.CheckinAnswers.Where(a => occurrenceIds.Contains(a.OccurrenceId)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CheckinProgressUpdate>> ListCheckinProgressUpdatesAsync(Guid projectId, DateTimeOffset since, CancellationToken cancellationToken) =>
        await db.CheckinProgressUpdates.Where(u => u.ProjectId == projectId && u.At >= since).OrderBy(u => u.At).ToListAsync(cancellationToken);

    public Task<CheckinSummaryPost?> FindCheckinSummaryPostAsync(Guid scheduleId, DateOnly localDate, CancellationToken cancellationToken) =>
        db.CheckinSummaryPosts.FirstOrDefaultAsync(p => p.ScheduleId == scheduleId && p.LocalDate == localDate, cancellationToken);

    public async Task<IReadOnlyList<Blocker>> ListBlockersAsync(Guid projectId, bool includeResolved, CancellationToken cancellationToken) =>
        await db.Blockers.Where(b => b.ProjectId == projectId && (includeResolved || b.Status == BlockerStatus.Open))
            .OrderBy(b => b.Number).ToListAsync(cancellationToken);

    public Task<Blocker?> FindBlockerAsync(Guid projectId, int number, CancellationToken cancellationToken) =>
        db.Blockers.FirstOrDefaultAsync(b => b.ProjectId == projectId && b.Number == number, cancellationToken);

    public Task<Blocker?> FindBlockerOfOccurrenceAsync(Guid occurrenceId, CancellationToken cancellationToken) =>
        db.Blockers.FirstOrDefaultAsync(b => b.OccurrenceId == occurrenceId, cancellationToken);

    public async Task<int> MaxBlockerNumberAsync(Guid projectId, CancellationToken cancellationToken) =>
        await db.Blockers.Where(b => b.ProjectId == projectId).MaxAsync(b => (int?)b.Number, cancellationToken) ?? 0;

    public async Task<IReadOnlyList<OutboxMessage>> ListCancellableOutboxAsync(IReadOnlyCollection<string> idempotencyKeys, DateTimeOffset now, CancellationToken cancellationToken) =>
        idempotencyKeys.Count == 0 ? [] : await db.OutboxMessages
            .Where(o => idempotencyKeys.Contains(o.IdempotencyKey) && o.State == OutboxState.Pending && (o.LeaseExpiresAt == null || o.LeaseExpiresAt < now))
            .ToListAsync(cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using PmBot.Core.Domain;

namespace PmBot.Storage;

/// <summary>Calendar and check-ins: holidays, absences, templates, schedules, occurrences, answers, blockers.</summary>
public abstract partial class PmBotDbContext
{
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<Absence> Absences => Set<Absence>();
    public DbSet<CheckinTemplate> CheckinTemplates => Set<CheckinTemplate>();
    public DbSet<CheckinQuestion> CheckinQuestions => Set<CheckinQuestion>();
    public DbSet<CheckinSchedule> CheckinSchedules => Set<CheckinSchedule>();
    public DbSet<CheckinScheduleMember> CheckinScheduleMembers => Set<CheckinScheduleMember>();
    public DbSet<CheckinOccurrence> CheckinOccurrences => Set<CheckinOccurrence>();
    public DbSet<CheckinAnswer> CheckinAnswers => Set<CheckinAnswer>();
    public DbSet<CheckinProgressUpdate> CheckinProgressUpdates => Set<CheckinProgressUpdate>();
    public DbSet<CheckinSummaryPost> CheckinSummaryPosts => Set<CheckinSummaryPost>();
    public DbSet<Blocker> Blockers => Set<Blocker>();

    private static void ConfigureCheckins(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Holiday>(e =>
        {
            e.HasKey(x => new { x.WorkspaceId, x.Date });
            e.Property(x => x.Name).HasMaxLength(Holiday.MaxNameLength);
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId);
        });
        modelBuilder.Entity<Absence>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Reason).HasMaxLength(Absence.MaxReasonLength);
            e.HasIndex(x => new { x.WorkspaceId, x.To });
            e.HasIndex(x => new { x.MemberId, x.To });
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId);
        });
        modelBuilder.Entity<CheckinTemplate>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(CheckinTemplate.MaxNameLength);
            e.Property(x => x.BuiltIn).HasMaxLength(16);
            e.HasIndex(x => new { x.WorkspaceId, x.Name }).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId);
        });
        modelBuilder.Entity<CheckinQuestion>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Text).HasMaxLength(CheckinQuestion.MaxTextLength);
            e.Property(x => x.TextKey).HasMaxLength(64);
            e.Property(x => x.Choices).HasMaxLength(CheckinQuestion.MaxChoicesLength);
            e.HasIndex(x => new { x.TemplateId, x.Position });
            e.HasOne<CheckinTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CheckinSchedule>(e =>
        {
            e.HasKey(x => x.Id);
            e.Ignore(x => x.JobId);
            e.Ignore(x => x.IsActive);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.Audience).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Summary).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.SummaryConversationId).HasMaxLength(256);
            e.HasIndex(x => new { x.WorkspaceId, x.Number }).IsUnique();
            e.HasIndex(x => x.ProjectId);
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
            e.HasOne<CheckinTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.CreatedByMemberId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<CheckinScheduleMember>(e =>
        {
            e.HasKey(x => new { x.ScheduleId, x.MemberId });
            e.HasOne<CheckinSchedule>().WithMany().HasForeignKey(x => x.ScheduleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId);
        });
        modelBuilder.Entity<CheckinOccurrence>(e =>
        {
            e.HasKey(x => x.Id);
            e.Ignore(x => x.PromptKey);
            e.Ignore(x => x.ReminderKey);
            e.Ignore(x => x.SummaryKey);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.AwayReason).HasConversion<string>().HasMaxLength(16);
            // The idempotency rule of check-ins: one occurrence per schedule, member and local date.
            e.HasIndex(x => new { x.ScheduleId, x.MemberId, x.LocalDate }).IsUnique();
            e.HasIndex(x => new { x.ProjectId, x.LocalDate });
            e.HasIndex(x => new { x.MemberId, x.AnswerableUntil });
            e.HasOne<CheckinSchedule>().WithMany().HasForeignKey(x => x.ScheduleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId);
        });
        modelBuilder.Entity<CheckinAnswer>(e =>
        {
            e.HasKey(x => new { x.OccurrenceId, x.QuestionId });
            e.Property(x => x.Text).HasMaxLength(CheckinAnswer.MaxTextLength);
            e.HasOne<CheckinOccurrence>().WithMany().HasForeignKey(x => x.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<CheckinQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CheckinProgressUpdate>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ProjectId, x.At });
            e.HasIndex(x => x.OccurrenceId);
            e.HasOne<CheckinOccurrence>().WithMany().HasForeignKey(x => x.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CheckinSummaryPost>(e =>
        {
            e.HasKey(x => new { x.ScheduleId, x.LocalDate });
            e.Ignore(x => x.PostKey);
            e.HasOne<CheckinSchedule>().WithMany().HasForeignKey(x => x.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Blocker>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Text).HasMaxLength(Blocker.MaxTextLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.ProjectId, x.Status });
            e.HasIndex(x => x.OccurrenceId);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<CheckinOccurrence>().WithMany().HasForeignKey(x => x.OccurrenceId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}

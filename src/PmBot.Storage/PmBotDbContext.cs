using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PmBot.Core.Domain;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;
using PmBot.Storage.Files;

namespace PmBot.Storage;

/// <summary>
/// The domain store. Two subclasses exist only to keep one migration history per provider
/// (<see cref="SqlitePmBotDbContext"/>, <see cref="PostgresPmBotDbContext"/>); the model is this one.
/// </summary>
public abstract partial class PmBotDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectMembership> ProjectMemberships => Set<ProjectMembership>();
    public DbSet<ConversationProject> ConversationProjects => Set<ConversationProject>();
    public DbSet<ProcessedDelivery> ProcessedDeliveries => Set<ProcessedDelivery>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<WebChatEntry> WebChatEntries => Set<WebChatEntry>();
    public DbSet<ChannelInstallation> ChannelInstallations => Set<ChannelInstallation>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<TeamsConversation> TeamsConversations => Set<TeamsConversation>();
    public DbSet<PlanBaseline> PlanBaselines => Set<PlanBaseline>();
    public DbSet<PlanBaselineItem> PlanBaselineItems => Set<PlanBaselineItem>();
    public DbSet<WorkItemLink> WorkItemLinks => Set<WorkItemLink>();
    public DbSet<TimeEntry> TimeEntries => Set<TimeEntry>();
    public DbSet<CostEntry> CostEntries => Set<CostEntry>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<ProgressSnapshot> ProgressSnapshots => Set<ProgressSnapshot>();
    public DbSet<WorkItemAllocation> WorkItemAllocations => Set<WorkItemAllocation>();
    public DbSet<ProjectResource> ProjectResources => Set<ProjectResource>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    /// <summary>ASP.NET Core Data Protection keys, shared by every instance (they protect stored bot tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract StorageProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Workspace>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ExternalId).HasMaxLength(128);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.DefaultTimeZone).HasMaxLength(64);
            e.Property(x => x.DefaultLocale).HasMaxLength(16);
            e.Property(x => x.WorkingDays).HasDefaultValue(Weekdays.MondayToFriday).HasSentinel(Weekdays.None);
            e.HasIndex(x => new { x.Channel, x.ExternalId }).IsUnique();
        });
        modelBuilder.Entity<Member>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.ExternalUserId).HasMaxLength(128);
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.Locale).HasMaxLength(16);
            e.Property(x => x.DirectConversationId).HasMaxLength(256);
            e.Property(x => x.HourlyRate).HasPrecision(18, 2);
            e.Property(x => x.CapacityHoursPerWeek).HasPrecision(5, 2).HasDefaultValue(Member.DefaultCapacityHours);
            e.HasIndex(x => new { x.WorkspaceId, x.ExternalUserId }).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId);
        });
        modelBuilder.Entity<Project>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(Project.MaxKeyLength);
            e.Property(x => x.Name).HasMaxLength(Project.MaxNameLength);
            e.Property(x => x.Goal).HasMaxLength(2000);
            e.Property(x => x.ScopeStatement).HasMaxLength(4000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Currency).HasMaxLength(3).HasDefaultValue(Currencies.Default);
            e.HasIndex(x => new { x.WorkspaceId, x.Key }).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.PmMemberId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ProjectMembership>(e =>
        {
            e.HasKey(x => new { x.ProjectId, x.MemberId });
            e.HasIndex(x => x.MemberId);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId);
        });
        modelBuilder.Entity<ConversationProject>(e =>
        {
            e.HasKey(x => new { x.WorkspaceId, x.ConversationId });
            e.Property(x => x.ConversationId).HasMaxLength(256);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
        });
        modelBuilder.Entity<ProcessedDelivery>(e =>
        {
            e.HasKey(x => new { x.Channel, x.DeliveryId });
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.DeliveryId).HasMaxLength(200);
            e.HasIndex(x => x.HandledAt);
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ConversationId).HasMaxLength(256);
            e.Property(x => x.IdempotencyKey).HasMaxLength(300);
            e.Property(x => x.ThreadKey).HasMaxLength(300);
            e.Property(x => x.LeaseOwner).HasMaxLength(128);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => new { x.State, x.NextAttemptAt });
        });
        modelBuilder.Entity<WebChatEntry>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.ConversationId).HasMaxLength(256);
            e.Property(x => x.Direction).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.DedupKey).HasMaxLength(300);
            e.HasIndex(x => new { x.ConversationId, x.Id });
            e.HasIndex(x => x.DedupKey).IsUnique();
        });
        modelBuilder.Entity<WorkItem>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(WorkItem.MaxNameLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.EffortHours).HasPrecision(9, 2);
            e.Property(x => x.RemainingHours).HasPrecision(9, 2);
            e.Property(x => x.FixedCost).HasPrecision(18, 2);
            e.Property(x => x.Description).HasMaxLength(WorkItem.MaxTextLength);
            e.Property(x => x.AcceptanceCriteria).HasMaxLength(WorkItem.MaxTextLength);
            e.Property(x => x.ConstraintKind).HasConversion<string>().HasMaxLength(24);
            e.Ignore(x => x.StartNoEarlierThan);
            e.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.OwnerMemberId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<WorkItemLink>(e =>
        {
            e.HasKey(x => new { x.PredecessorId, x.SuccessorId });
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.ProjectId);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.PredecessorId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<WorkItemAllocation>(e =>
        {
            e.HasKey(x => new { x.WorkItemId, x.MemberId });
            e.HasIndex(x => x.ProjectId);
            e.HasIndex(x => x.MemberId);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProjectResource>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(ProjectResource.MaxNameLength);
            e.Property(x => x.Supplier).HasMaxLength(ProjectResource.MaxSupplierLength);
            e.Property(x => x.Quantity).HasPrecision(18, 3);
            e.Property(x => x.UnitCost).HasPrecision(18, 2);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<PlanBaseline>(e =>
        {
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
        });
        modelBuilder.Entity<PlanBaselineItem>(e =>
        {
            e.HasKey(x => new { x.BaselineId, x.WorkItemId });
            e.Property(x => x.EffortHours).HasPrecision(9, 2);
            e.Property(x => x.PlannedCost).HasPrecision(18, 2);
            e.HasOne<PlanBaseline>().WithMany().HasForeignKey(x => x.BaselineId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TimeEntry>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Hours).HasPrecision(9, 2);
            e.Property(x => x.Rate).HasPrecision(18, 2);
            e.Property(x => x.Cost).HasPrecision(18, 2);
            e.Property(x => x.Note).HasMaxLength(TimeEntry.MaxNoteLength);
            e.HasIndex(x => new { x.ProjectId, x.Date });
            e.HasIndex(x => x.WorkItemId);
            e.HasIndex(x => x.MemberId);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<CostEntry>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.Property(x => x.Description).HasMaxLength(CostEntry.MaxDescriptionLength);
            e.Property(x => x.Category).HasMaxLength(CostCategories.MaxLength);
            e.HasIndex(x => new { x.ProjectId, x.Date });
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.RecordedByMemberId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<BudgetLine>(e =>
        {
            e.HasKey(x => new { x.ProjectId, x.Category });
            e.Property(x => x.Category).HasMaxLength(CostCategories.MaxLength);
            e.Property(x => x.Amount).HasPrecision(18, 2);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
        });
        modelBuilder.Entity<ProgressSnapshot>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.RemainingHours).HasPrecision(9, 2);
            e.HasIndex(x => new { x.WorkItemId, x.Date }).IsUnique();
            e.HasIndex(x => x.ProjectId);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TeamsConversation>(e =>
        {
            e.HasKey(x => new { x.WorkspaceId, x.ConversationId });
            e.Property(x => x.ConversationId).HasMaxLength(256);
            e.Property(x => x.ServiceUrl).HasMaxLength(500);
            e.Property(x => x.TenantId).HasMaxLength(64);
            e.Property(x => x.BotId).HasMaxLength(128);
            e.Property(x => x.ConversationType).HasMaxLength(32);
            e.Property(x => x.UserId).HasMaxLength(128);
            e.Property(x => x.BlockedReason).HasMaxLength(500);
            e.HasIndex(x => new { x.WorkspaceId, x.UserId });
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId);
        });
        modelBuilder.Entity<StoredFile>(e =>
        {
            e.ToTable("Files");
            e.HasKey(x => x.Id);
            e.Property(x => x.FileName).HasMaxLength(StoredFile.MaxFileNameLength);
            e.Property(x => x.ContentType).HasMaxLength(StoredFile.MaxContentTypeLength);
            e.HasIndex(x => x.ExpiresAt);
        });
        modelBuilder.Entity<ChannelInstallation>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ExternalTeamId).HasMaxLength(64);
            e.Property(x => x.EnterpriseId).HasMaxLength(64);
            e.Property(x => x.BotUserId).HasMaxLength(64);
            e.Property(x => x.AppId).HasMaxLength(64);
            e.Property(x => x.ProtectedBotToken).HasMaxLength(4000);
            e.Property(x => x.Scopes).HasMaxLength(2000);
            e.HasIndex(x => new { x.Channel, x.ExternalTeamId }).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId);
        });
        ConfigureCheckins(modelBuilder);
        ConfigureDigest(modelBuilder);
    }
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The embedded default. SQLite cannot compare or sort DateTimeOffset text, so instants are stored as UTC ticks.</summary>
public sealed class SqlitePmBotDbContext(DbContextOptions<SqlitePmBotDbContext> options) : PmBotDbContext(options)
{
    public override StorageProvider Provider => StorageProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Production: several PmBot instances share one PostgreSQL.</summary>
public sealed class PostgresPmBotDbContext(DbContextOptions<PostgresPmBotDbContext> options) : PmBotDbContext(options)
{
    public override StorageProvider Provider => StorageProvider.Postgres;
}

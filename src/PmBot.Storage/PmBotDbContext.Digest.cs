using Microsoft.EntityFrameworkCore;
using PmBot.Core.Domain;

namespace PmBot.Storage;

/// <summary>The PMs' digest settings.</summary>
public abstract partial class PmBotDbContext
{
    public DbSet<DigestSetting> DigestSettings => Set<DigestSetting>();

    private static void ConfigureDigest(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DigestSetting>(e =>
        {
            e.HasKey(x => new { x.ProjectId, x.MemberId });
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId);
        });
    }
}

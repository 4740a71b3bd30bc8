using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nexus.Server.Data;

/// <summary>
/// The platform database: users, tokens, workspaces and their members, plans and quota usage. Each provider has
/// its own subclass with its own migration set (<see cref="SqlitePlatformDbContext"/>, <see cref="PostgresPlatformDbContext"/>).
/// </summary>
/// <remarks>
/// Delete rules: deleting a user deletes their refresh-token families (and so their tokens), personal access
/// tokens, memberships and quota usage; a user who still owns workspaces cannot be deleted (restrict) — delete or
/// hand over the workspaces first. Deleting a workspace deletes its members. A plan in use cannot be deleted (restrict).
/// </remarks>
public abstract class PlatformDbContext : DbContext
{
    protected PlatformDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<PlatformUser> Users => Set<PlatformUser>();

    public DbSet<RefreshTokenFamily> RefreshTokenFamilies => Set<RefreshTokenFamily>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<WorkspaceRecord> Workspaces => Set<WorkspaceRecord>();

    public DbSet<WorkspaceMember> WorkspaceMembers => Set<WorkspaceMember>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<QuotaUsage> QuotaUsage => Set<QuotaUsage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ConfigurePlans(modelBuilder.Entity<Plan>());
        ConfigureUsers(modelBuilder.Entity<PlatformUser>());
        ConfigureRefreshTokens(modelBuilder.Entity<RefreshTokenFamily>(), modelBuilder.Entity<RefreshToken>());
        ConfigureAccessTokens(modelBuilder.Entity<PersonalAccessToken>());
        ConfigureWorkspaces(modelBuilder.Entity<WorkspaceRecord>(), modelBuilder.Entity<WorkspaceMember>());
        ConfigureQuotaUsage(modelBuilder.Entity<QuotaUsage>());
    }

    private static void ConfigurePlans(EntityTypeBuilder<Plan> plan)
    {
        plan.ToTable("plans");
        plan.HasKey(p => p.Id);
        plan.Property(p => p.Id).HasMaxLength(PlatformSchema.PlanIdLength);
        plan.Property(p => p.Name).HasMaxLength(PlatformSchema.NameLength);
        plan.HasData(Plan.CreateFree());
    }

    private static void ConfigureUsers(EntityTypeBuilder<PlatformUser> user)
    {
        user.ToTable("users");
        user.HasKey(u => u.Id);
        user.Property(u => u.Email).HasMaxLength(PlatformSchema.EmailLength);
        user.Property(u => u.NormalizedEmail).HasMaxLength(PlatformSchema.EmailLength);
        user.HasIndex(u => u.NormalizedEmail).IsUnique();
        user.Property(u => u.DisplayName).HasMaxLength(PlatformSchema.NameLength);
        user.Property(u => u.PasswordHash).HasMaxLength(PlatformSchema.PasswordHashLength);
        user.Property(u => u.PlanId).HasMaxLength(PlatformSchema.PlanIdLength);
        user.HasOne<Plan>().WithMany().HasForeignKey(u => u.PlanId).OnDelete(DeleteBehavior.Restrict);
    }

    private static void ConfigureRefreshTokens(EntityTypeBuilder<RefreshTokenFamily> family, EntityTypeBuilder<RefreshToken> token)
    {
        family.ToTable("refresh_token_families");
        family.HasKey(f => f.Id);
        family.HasIndex(f => f.UserId);
        family.HasOne<PlatformUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        family.HasMany(f => f.Tokens).WithOne().HasForeignKey(t => t.FamilyId).OnDelete(DeleteBehavior.Cascade);

        token.ToTable("refresh_tokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.TokenHash).HasMaxLength(PlatformSchema.TokenHashLength);
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.HasIndex(t => t.FamilyId);
        // Expired tokens are purged by age.
        token.HasIndex(t => t.ExpiresAt);
    }

    private static void ConfigureAccessTokens(EntityTypeBuilder<PersonalAccessToken> pat)
    {
        pat.ToTable("personal_access_tokens");
        pat.HasKey(t => t.Id);
        pat.Property(t => t.Name).HasMaxLength(PlatformSchema.NameLength);
        pat.Property(t => t.TokenHash).HasMaxLength(PlatformSchema.TokenHashLength);
        pat.HasIndex(t => t.TokenHash).IsUnique();
        pat.HasIndex(t => t.UserId);
        pat.HasOne<PlatformUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void ConfigureWorkspaces(EntityTypeBuilder<WorkspaceRecord> workspace, EntityTypeBuilder<WorkspaceMember> member)
    {
        workspace.ToTable("workspaces");
        workspace.HasKey(w => w.Id);
        workspace.Property(w => w.Name).HasMaxLength(PlatformSchema.NameLength);
        workspace.Property(w => w.Description).HasMaxLength(PlatformSchema.DescriptionLength);
        workspace.HasIndex(w => w.OwnerId);
        workspace.HasOne<PlatformUser>().WithMany().HasForeignKey(w => w.OwnerId).OnDelete(DeleteBehavior.Restrict);

        member.ToTable("workspace_members");
        member.HasKey(m => new { m.WorkspaceId, m.UserId });
        // "Which workspaces is this user in" is the common query; the key already serves "who is in this workspace".
        member.HasIndex(m => m.UserId);
        member.Property(m => m.Role).HasConversion(new WorkspaceRoleConverter()).HasMaxLength(16);
        member.HasOne<WorkspaceRecord>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<PlatformUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void ConfigureQuotaUsage(EntityTypeBuilder<QuotaUsage> usage)
    {
        usage.ToTable("quota_usage");
        usage.HasKey(u => new { u.UserId, u.Month });
        usage.HasOne<PlatformUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

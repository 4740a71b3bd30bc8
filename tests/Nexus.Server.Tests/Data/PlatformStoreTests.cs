using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Data;

namespace Nexus.Server.Tests.Data;

/// <summary>The platform stores' behaviour; runs once per provider through the subclasses at the end of this file.</summary>
public abstract class PlatformStoreTests(PlatformTestDatabase database)
{
    private static readonly DateTimeOffset Later = DateTimeOffset.UtcNow.AddDays(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrations_create_every_table_and_the_free_plan_on_an_empty_database()
    {
        var services = await database.BuildServicesOnEmptyDatabaseAsync();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            Assert.NotEmpty(db.Database.GetMigrations());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetPendingMigrationsAsync(Cancel));
        }

        await PlatformDatabase.MigrateAsync(services, Cancel);
        await PlatformDatabase.MigrateAsync(services, Cancel);

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
            Assert.Equal(0, await db.Users.CountAsync(Cancel));
            Assert.Equal(0, await db.Workspaces.CountAsync(Cancel));
            var free = await scope.ServiceProvider.GetRequiredService<PlanStore>().GetAsync(Plan.FreeId, Cancel);
            Assert.NotNull(free);
            Assert.Equal(Plan.CreateFree().MonthlyTokens, free.MonthlyTokens);
            Assert.Equal(Plan.CreateFree().MaxWorkspaces, free.MaxWorkspaces);
        }
    }

    [Fact]
    public async Task A_second_user_with_the_same_email_in_another_case_is_refused()
    {
        await using var scope = database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserStore>();
        var email = $"Ada.{Guid.NewGuid():N}@Example.org";

        var ada = await users.CreateAsync(email, "Ada", "hash-1", Cancel);
        var duplicate = await Assert.ThrowsAsync<PlatformDataException>(() => users.CreateAsync("  " + email.ToLowerInvariant(), "Other", "hash-2", Cancel));

        Assert.Equal(PlatformDataError.EmailTaken, duplicate.Error);
        var found = await users.FindByEmailAsync(email.ToUpperInvariant(), Cancel);
        Assert.NotNull(found);
        Assert.Equal(ada.Id, found.Id);
        Assert.Equal(email, found.Email);
        Assert.Equal("hash-1", found.PasswordHash);
        Assert.Equal(Plan.FreeId, found.PlanId);
        Assert.Null(await users.FindByEmailAsync("nobody-" + email, Cancel));
    }

    [Fact]
    public async Task Failed_sign_ins_are_counted_until_a_lockout_which_is_persisted_and_reset()
    {
        var user = await NewUserAsync();
        await using var scope = database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserStore>();

        Assert.Equal(new FailedSignIn(1, null), await users.RecordFailedSignInAsync(user.Id, 3, TimeSpan.FromMinutes(15), Cancel));
        Assert.Equal(new FailedSignIn(2, null), await users.RecordFailedSignInAsync(user.Id, 3, TimeSpan.FromMinutes(15), Cancel));
        Assert.Equal(2, (await users.FindByIdAsync(user.Id, Cancel))!.FailedSignInCount);
        var third = await users.RecordFailedSignInAsync(user.Id, 3, TimeSpan.FromMinutes(15), Cancel);

        Assert.Equal(3, third.Count);
        Assert.NotNull(third.LockoutEnd);
        var stored = (await users.FindByIdAsync(user.Id, Cancel))!;
        Assert.Equal(0, stored.FailedSignInCount);
        Assert.NotNull(stored.LockoutEnd);
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.Equal(third.LockoutEnd.Value.ToUnixTimeMilliseconds(), stored.LockoutEnd.Value.ToUnixTimeMilliseconds());

        Assert.True(await users.ResetFailedSignInsAsync(user.Id, Cancel));
        stored = (await users.FindByIdAsync(user.Id, Cancel))!;
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(0, stored.FailedSignInCount);
        var missing = await Assert.ThrowsAsync<PlatformDataException>(() => users.RecordFailedSignInAsync(Guid.NewGuid(), 3, TimeSpan.FromMinutes(1), Cancel));
        Assert.Equal(PlatformDataError.UserNotFound, missing.Error);
    }

    [Fact]
    public async Task Refresh_rotation_spends_the_token_and_reusing_it_revokes_the_family()
    {
        var user = await NewUserAsync();
        await using var scope = database.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<RefreshTokenStore>();
        var first = await tokens.IssueAsync(user.Id, Hash(), Later, Cancel);
        var firstHash = await HashOfAsync(first.TokenId);
        var secondHash = Hash();

        var rotation = await tokens.RotateAsync(firstHash, secondHash, Later, Cancel);
        Assert.Equal(RefreshOutcome.Rotated, rotation.Outcome);
        Assert.Equal(first.FamilyId, rotation.Token!.FamilyId);
        Assert.Equal(user.Id, rotation.Token.UserId);
        Assert.NotNull((await tokens.FindAsync(firstHash, Cancel))!.SpentAt);

        var reuse = await tokens.RotateAsync(firstHash, Hash(), Later, Cancel);
        Assert.Equal(RefreshOutcome.ReuseDetected, reuse.Outcome);
        Assert.NotNull((await tokens.FindAsync(secondHash, Cancel))!.FamilyRevokedAt);
        Assert.Equal(RefreshOutcome.Revoked, (await tokens.RotateAsync(secondHash, Hash(), Later, Cancel)).Outcome);
        Assert.Equal(RefreshOutcome.NotFound, (await tokens.RotateAsync(Hash(), Hash(), Later, Cancel)).Outcome);
    }

    [Fact]
    public async Task Concurrent_rotations_of_one_token_issue_at_most_one_successor()
    {
        var user = await NewUserAsync();
        var presented = Hash();
        await using (var scope = database.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RefreshTokenStore>().IssueAsync(user.Id, presented, Later, Cancel);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = database.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<RefreshTokenStore>().RotateAsync(presented, Hash(), Later, Cancel)).Outcome;
        }));

        Assert.Equal(1, outcomes.Count(o => o == RefreshOutcome.Rotated));
        Assert.All(outcomes, o => Assert.Contains(o, new[] { RefreshOutcome.Rotated, RefreshOutcome.ReuseDetected, RefreshOutcome.Revoked }));
    }

    [Fact]
    public async Task Expired_refresh_tokens_are_refused_and_logout_revokes_the_family()
    {
        var user = await NewUserAsync();
        await using var scope = database.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<RefreshTokenStore>();
        var expiredHash = Hash();
        var expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        await tokens.IssueAsync(user.Id, expiredHash, expiresAt, Cancel);
        var found = await tokens.FindAsync(expiredHash, Cancel);
        Assert.Equal(expiresAt.ToUnixTimeMilliseconds(), found!.ExpiresAt.ToUnixTimeMilliseconds());
        Assert.Equal(RefreshOutcome.Expired, (await tokens.RotateAsync(expiredHash, Hash(), Later, Cancel)).Outcome);

        var liveHash = Hash();
        await tokens.IssueAsync(user.Id, liveHash, Later, Cancel);
        Assert.True(await tokens.RevokeFamilyByTokenAsync(liveHash, Cancel));
        Assert.False(await tokens.RevokeFamilyByTokenAsync(Hash(), Cancel));
        Assert.Equal(RefreshOutcome.Revoked, (await tokens.RotateAsync(liveHash, Hash(), Later, Cancel)).Outcome);
        var duplicate = await Assert.ThrowsAsync<PlatformDataException>(() => tokens.IssueAsync(user.Id, liveHash, Later, Cancel));
        Assert.Equal(PlatformDataError.TokenExists, duplicate.Error);
    }

    [Fact]
    public async Task Personal_access_tokens_are_stored_hashed_listed_used_and_revoked()
    {
        var user = await NewUserAsync();
        var other = await NewUserAsync();
        await using var scope = database.Services.CreateAsyncScope();
        var pats = scope.ServiceProvider.GetRequiredService<AccessTokenStore>();
        var plain = "nxp_" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        var expiresAt = DateTimeOffset.UtcNow.AddDays(90);

        var created = await pats.CreateAsync(user.Id, "ci", TokenHasher.Hash(plain), expiresAt, Cancel);

        var raw = await ReadTableAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), "personal_access_tokens");
        Assert.Contains(TokenHasher.Hash(plain), raw);
        Assert.DoesNotContain(plain, raw);
        Assert.DoesNotContain(plain[4..20], raw);

        var used = await pats.UseAsync(TokenHasher.Hash(plain), Cancel);
        Assert.NotNull(used);
        Assert.Equal(user.Id, used.UserId);
        Assert.Null(await pats.UseAsync(plain, Cancel));
        var listed = Assert.Single(await pats.ListAsync(user.Id, Cancel));
        Assert.Equal(created.Id, listed.Id);
        Assert.Equal("ci", listed.Name);
        Assert.NotNull(listed.LastUsedAt);
        Assert.Equal(expiresAt.ToUnixTimeMilliseconds(), listed.ExpiresAt!.Value.ToUnixTimeMilliseconds());

        Assert.False(await pats.RevokeAsync(other.Id, created.Id, Cancel));
        Assert.True(await pats.RevokeAsync(user.Id, created.Id, Cancel));
        Assert.False(await pats.RevokeAsync(user.Id, created.Id, Cancel));
        Assert.Null(await pats.UseAsync(TokenHasher.Hash(plain), Cancel));
        Assert.NotNull(Assert.Single(await pats.ListAsync(user.Id, Cancel)).RevokedAt);

        var expired = "nxp_" + Guid.NewGuid().ToString("N");
        await pats.CreateAsync(user.Id, "old", TokenHasher.Hash(expired), DateTimeOffset.UtcNow.AddSeconds(-1), Cancel);
        Assert.Null(await pats.UseAsync(TokenHasher.Hash(expired), Cancel));
        var forever = "nxp_" + Guid.NewGuid().ToString("N");
        await pats.CreateAsync(user.Id, "forever", TokenHasher.Hash(forever), null, Cancel);
        Assert.NotNull(await pats.UseAsync(TokenHasher.Hash(forever), Cancel));
        Assert.Equal(3, (await pats.ListAsync(user.Id, Cancel)).Count);
        Assert.Empty(await pats.ListAsync(other.Id, Cancel));
    }

    [Fact]
    public async Task A_new_workspace_has_its_owner_as_member_and_members_are_listed_with_roles()
    {
        var owner = await NewUserAsync();
        var editor = await NewUserAsync();
        await using var scope = database.Services.CreateAsyncScope();
        var workspaces = scope.ServiceProvider.GetRequiredService<WorkspaceStore>();

        var first = await workspaces.CreateAsync(owner.Id, " Research ", "notes", Cancel);
        var second = await workspaces.CreateAsync(owner.Id, "Budget", null, Cancel);
        await workspaces.SetMemberAsync(second.Id, editor.Id, WorkspaceRole.Editor, Cancel);

        Assert.Equal("Research", first.Name);
        var owned = await workspaces.ListForUserAsync(owner.Id, Cancel);
        Assert.Equal([(first.Id, WorkspaceRole.Owner), (second.Id, WorkspaceRole.Owner)], owned.Select(w => (w.Workspace.Id, w.Role)));
        var shared = Assert.Single(await workspaces.ListForUserAsync(editor.Id, Cancel));
        Assert.Equal((second.Id, "Budget", WorkspaceRole.Editor), (shared.Workspace.Id, shared.Workspace.Name, shared.Role));
        Assert.Equal(2, await workspaces.CountOwnedAsync(owner.Id, Cancel));
        Assert.Equal(WorkspaceRole.Owner, await workspaces.GetRoleAsync(first.Id, owner.Id, Cancel));
        Assert.Null(await workspaces.GetRoleAsync(first.Id, editor.Id, Cancel));
        var membership = await workspaces.GetForMemberAsync(second.Id, editor.Id, Cancel);
        Assert.Equal((second.Id, "Budget", WorkspaceRole.Editor), (membership?.Workspace.Id, membership?.Workspace.Name, membership?.Role));
        Assert.Equal(WorkspaceRole.Owner, (await workspaces.GetForMemberAsync(first.Id, owner.Id, Cancel))?.Role);
        Assert.Null(await workspaces.GetForMemberAsync(first.Id, editor.Id, Cancel));
        Assert.Null(await workspaces.GetForMemberAsync(Guid.NewGuid(), owner.Id, Cancel));
    }

    [Fact]
    public async Task A_user_is_a_member_once_and_the_last_owner_stays()
    {
        var owner = await NewUserAsync();
        var member = await NewUserAsync();
        await using var scope = database.Services.CreateAsyncScope();
        var workspaces = scope.ServiceProvider.GetRequiredService<WorkspaceStore>();
        var workspace = await workspaces.CreateAsync(owner.Id, "Shared", null, Cancel);

        await workspaces.SetMemberAsync(workspace.Id, member.Id, WorkspaceRole.Editor, Cancel);
        await workspaces.SetMemberAsync(workspace.Id, member.Id, WorkspaceRole.Viewer, Cancel);

        var members = await workspaces.ListMembersAsync(workspace.Id, Cancel);
        Assert.Equal(2, members.Count);
        Assert.Equal(WorkspaceRole.Viewer, Assert.Single(members, m => m.UserId == member.Id).Role);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspace.Id, UserId = member.Id, Role = WorkspaceRole.Owner });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
        db.ChangeTracker.Clear();

        Assert.Equal(PlatformDataError.LastOwner,
            (await Assert.ThrowsAsync<PlatformDataException>(() => workspaces.RemoveMemberAsync(workspace.Id, owner.Id, Cancel))).Error);
        Assert.Equal(PlatformDataError.LastOwner,
            (await Assert.ThrowsAsync<PlatformDataException>(() => workspaces.SetMemberAsync(workspace.Id, owner.Id, WorkspaceRole.Editor, Cancel))).Error);
        Assert.Equal(PlatformDataError.WorkspaceNotFound,
            (await Assert.ThrowsAsync<PlatformDataException>(() => workspaces.SetMemberAsync(Guid.NewGuid(), member.Id, WorkspaceRole.Editor, Cancel))).Error);
        Assert.True(await workspaces.RemoveMemberAsync(workspace.Id, member.Id, Cancel));
        Assert.False(await workspaces.RemoveMemberAsync(workspace.Id, member.Id, Cancel));
        Assert.True(await workspaces.DeleteAsync(workspace.Id, Cancel));
        Assert.Empty(await workspaces.ListForUserAsync(owner.Id, Cancel));
    }

    [Fact]
    public async Task New_users_are_on_the_seeded_free_plan_and_token_usage_accumulates_per_month()
    {
        var user = await NewUserAsync();
        var january = new DateTimeOffset(2031, 1, 31, 23, 30, 0, TimeSpan.Zero);
        var february = new DateTimeOffset(2031, 2, 1, 0, 30, 0, TimeSpan.Zero);
        await using var scope = database.Services.CreateAsyncScope();
        var plans = scope.ServiceProvider.GetRequiredService<PlanStore>();

        Assert.Equal(Plan.FreeId, (await plans.GetForUserAsync(user.Id, Cancel))!.Id);
        Assert.Equal(0, await plans.GetTokensUsedAsync(user.Id, january, Cancel));
        Assert.Equal(100, await plans.AddTokensUsedAsync(user.Id, january, 100, Cancel));
        Assert.Equal(150, await plans.AddTokensUsedAsync(user.Id, january.AddDays(-20), 50, Cancel));
        Assert.Equal(7, await plans.AddTokensUsedAsync(user.Id, february, 7, Cancel));
        // 01:30 on 1 February at +02:00 is still January in UTC.
        Assert.Equal(151, await plans.AddTokensUsedAsync(user.Id, new DateTimeOffset(2031, 2, 1, 1, 30, 0, TimeSpan.FromHours(2)), 1, Cancel));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var concurrent = database.Services.CreateAsyncScope();
            await concurrent.ServiceProvider.GetRequiredService<PlanStore>().AddTokensUsedAsync(user.Id, february.AddDays(3), 10, Cancel);
        }));
        Assert.Equal(87, await plans.GetTokensUsedAsync(user.Id, february, Cancel));
        Assert.Equal(151, await plans.GetTokensUsedAsync(user.Id, january, Cancel));
    }

    [Fact]
    public async Task A_restarted_service_provider_on_the_same_database_sees_the_data()
    {
        var user = await NewUserAsync();
        Guid workspaceId;
        await using (var scope = database.Services.CreateAsyncScope())
            workspaceId = (await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().CreateAsync(user.Id, "Kept", null, Cancel)).Id;

        var restarted = database.BuildServices();
        await PlatformDatabase.MigrateAsync(restarted, Cancel);
        await using (var scope = restarted.CreateAsyncScope())
        {
            var found = await scope.ServiceProvider.GetRequiredService<UserStore>().FindByEmailAsync(user.Email, Cancel);
            Assert.Equal(user.Id, found!.Id);
            var workspace = Assert.Single(await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().ListForUserAsync(user.Id, Cancel));
            Assert.Equal((workspaceId, "Kept", WorkspaceRole.Owner), (workspace.Workspace.Id, workspace.Workspace.Name, workspace.Role));
        }
    }

    private async Task<PlatformUser> NewUserAsync()
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserStore>()
            .CreateAsync($"user-{Guid.NewGuid():N}@example.org", "User", "password-hash", Cancel);
    }

    private async Task<string> HashOfAsync(Guid refreshTokenId)
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().RefreshTokens
            .Where(t => t.Id == refreshTokenId).Select(t => t.TokenHash).SingleAsync(Cancel);
    }

    private static string Hash() => TokenHasher.Hash(Guid.NewGuid().ToString());

    /// <summary>Every cell of the table as text, read past EF so nothing is filtered or converted.</summary>
    private static async Task<string> ReadTableAsync(PlatformDbContext db, string table)
    {
        await db.Database.OpenConnectionAsync(Cancel);
        try
        {
            await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            var cells = new List<string>();
            while (await reader.ReadAsync(Cancel))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    cells.Add(Convert.ToString(reader.GetValue(i)) ?? "");
            }

            return string.Join('\n', cells);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>The store tests on SQLite files.</summary>
public sealed class SqlitePlatformStoreTests(SqlitePlatformTestDatabase database)
    : PlatformStoreTests(database), IClassFixture<SqlitePlatformTestDatabase>;

/// <summary>The store tests on a private PostgreSQL server.</summary>
public sealed class PostgresPlatformStoreTests(PostgresPlatformTestDatabase database)
    : PlatformStoreTests(database), IClassFixture<PostgresPlatformTestDatabase>;

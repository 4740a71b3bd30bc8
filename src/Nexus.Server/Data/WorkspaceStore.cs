using Microsoft.EntityFrameworkCore;

namespace Nexus.Server.Data;

/// <summary>Workspace records and their members.</summary>
public sealed class WorkspaceStore(PlatformDbContext db, TimeProvider time)
{
    /// <summary>Creates a workspace and makes the owner its <see cref="WorkspaceRole.Owner"/> member, in one save.</summary>
    /// <exception cref="PlatformDataException"><see cref="PlatformDataError.UserNotFound"/> or <see cref="PlatformDataError.InvalidInput"/>.</exception>
    public async Task<WorkspaceRecord> CreateAsync(Guid ownerId, string name, string? description, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var workspace = new WorkspaceRecord
        {
            Id = Guid.CreateVersion7(),
            Name = StoreGuard.Text(name, nameof(name), PlatformSchema.NameLength),
            Description = StoreGuard.OptionalText(description, nameof(description), PlatformSchema.DescriptionLength),
            OwnerId = ownerId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await RequireUserAsync(ownerId, cancellationToken).ConfigureAwait(false);
        db.Workspaces.Add(workspace);
        db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspace.Id, UserId = ownerId, Role = WorkspaceRole.Owner, AddedAt = now });
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        return workspace;
    }

    /// <summary>The workspace, or null.</summary>
    public Task<WorkspaceRecord?> GetAsync(Guid workspaceId, CancellationToken cancellationToken = default) =>
        db.Workspaces.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workspaceId, cancellationToken);

    /// <summary>
    /// The workspace with the user's role in it, or null when either is missing: one query, as every workspace route
    /// asks it (the access check) before doing anything else.
    /// </summary>
    public Task<UserWorkspace?> GetForMemberAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken = default) =>
        (from member in db.WorkspaceMembers.AsNoTracking()
         join workspace in db.Workspaces.AsNoTracking() on member.WorkspaceId equals workspace.Id
         where member.WorkspaceId == workspaceId && member.UserId == userId
         select new UserWorkspace(workspace, member.Role)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The workspaces the user is a member of, with the user's role, oldest first.</summary>
    public async Task<IReadOnlyList<UserWorkspace>> ListForUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var rows = await (
            from member in db.WorkspaceMembers.AsNoTracking()
            join workspace in db.Workspaces.AsNoTracking() on member.WorkspaceId equals workspace.Id
            where member.UserId == userId
            select new UserWorkspace(workspace, member.Role)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.Workspace.CreatedAt).ThenBy(r => r.Workspace.Id)];
    }

    /// <summary>How many workspaces the user owns (for the plan's limit).</summary>
    public Task<int> CountOwnedAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Workspaces.CountAsync(w => w.OwnerId == userId, cancellationToken);

    /// <summary>The user's role in the workspace, or null when not a member.</summary>
    public Task<WorkspaceRole?> GetRoleAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken = default) =>
        db.WorkspaceMembers.Where(m => m.WorkspaceId == workspaceId && m.UserId == userId)
            .Select(m => (WorkspaceRole?)m.Role).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The workspace's members, oldest first.</summary>
    public async Task<IReadOnlyList<WorkspaceMember>> ListMembersAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        var members = await db.WorkspaceMembers.AsNoTracking().Where(m => m.WorkspaceId == workspaceId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. members.OrderBy(m => m.AddedAt).ThenBy(m => m.UserId)];
    }

    /// <summary>Adds the user as a member or changes their role; a user is a member at most once.</summary>
    /// <exception cref="PlatformDataException"><see cref="PlatformDataError.WorkspaceNotFound"/>, <see cref="PlatformDataError.UserNotFound"/>, or <see cref="PlatformDataError.LastOwner"/> when this would demote the only owner.</exception>
    public async Task SetMemberAsync(Guid workspaceId, Guid userId, WorkspaceRole role, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role))
            throw new PlatformDataException(PlatformDataError.InvalidInput, $"Role {role} is not a workspace role.");
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var member = await db.WorkspaceMembers
                .SingleOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken).ConfigureAwait(false);
            if (member is null)
            {
                await RequireWorkspaceAsync(workspaceId, cancellationToken).ConfigureAwait(false);
                await RequireUserAsync(userId, cancellationToken).ConfigureAwait(false);
                db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = userId, Role = role, AddedAt = time.GetUtcNow() });
            }
            else
            {
                if (member.Role == WorkspaceRole.Owner && role != WorkspaceRole.Owner)
                    await RequireAnotherOwnerAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false);
                member.Role = role;
            }

            await SaveAsync(cancellationToken).ConfigureAwait(false);
            await TouchAsync(workspaceId, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes the user from the workspace. False when they were not a member.</summary>
    /// <exception cref="PlatformDataException"><see cref="PlatformDataError.LastOwner"/> when the user is the only owner.</exception>
    public async Task<bool> RemoveMemberAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken = default)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var role = await GetRoleAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false);
            if (role is null)
                return false;
            if (role == WorkspaceRole.Owner)
                await RequireAnotherOwnerAsync(workspaceId, userId, cancellationToken).ConfigureAwait(false);
            await db.WorkspaceMembers.Where(m => m.WorkspaceId == workspaceId && m.UserId == userId)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await TouchAsync(workspaceId, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>Renames the workspace (and replaces its description when given). False when it does not exist.</summary>
    public async Task<bool> RenameAsync(Guid workspaceId, string name, string? description, CancellationToken cancellationToken = default)
    {
        var newName = StoreGuard.Text(name, nameof(name), PlatformSchema.NameLength);
        var newDescription = description is null ? null : StoreGuard.OptionalText(description, nameof(description), PlatformSchema.DescriptionLength);
        var now = time.GetUtcNow();
        return await db.Workspaces.Where(w => w.Id == workspaceId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(w => w.Name, newName)
                .SetProperty(w => w.Description, w => newDescription ?? w.Description)
                .SetProperty(w => w.UpdatedAt, now), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Deletes the workspace record and its members (not its repository). False when it does not exist.</summary>
    public async Task<bool> DeleteAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await db.WorkspaceMembers.Where(m => m.WorkspaceId == workspaceId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var deleted = await db.Workspaces.Where(w => w.Id == workspaceId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return deleted > 0;
        }
    }

    private Task<int> TouchAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.Workspaces.Where(w => w.Id == workspaceId)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.UpdatedAt, now), cancellationToken);
    }

    private async Task RequireAnotherOwnerAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken)
    {
        if (!await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId != userId && m.Role == WorkspaceRole.Owner, cancellationToken).ConfigureAwait(false))
            throw new PlatformDataException(PlatformDataError.LastOwner, "The workspace needs another owner first.");
    }

    private async Task RequireUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken).ConfigureAwait(false))
            throw new PlatformDataException(PlatformDataError.UserNotFound, $"User {userId} does not exist.");
    }

    private async Task RequireWorkspaceAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        if (!await db.Workspaces.AnyAsync(w => w.Id == workspaceId, cancellationToken).ConfigureAwait(false))
            throw new PlatformDataException(PlatformDataError.WorkspaceNotFound, $"Workspace {workspaceId} does not exist.");
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (StoreGuard.IsForeignKeyViolation(exception))
        {
            // The user or workspace was deleted between the check and the save.
            throw new PlatformDataException(PlatformDataError.WorkspaceNotFound, "The workspace or user no longer exists.", exception);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>A workspace and the user's role in it.</summary>
public sealed record UserWorkspace(WorkspaceRecord Workspace, WorkspaceRole Role);

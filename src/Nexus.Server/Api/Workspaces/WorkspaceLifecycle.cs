using Nexus.Server.Data;
using Nexus.Server.Errors;
using Nexus.Server.Hosting;
using Nexus.Server.Quotas;
using Nexus.Workspace;

namespace Nexus.Server.Api.Workspaces;

/// <summary>
/// Creating, cloning, renaming and deleting workspaces: the record in the platform database and the folder in the
/// workspace host kept together, with the plan's workspace and storage limits. The HTTP API and the web UI both call
/// this, so each rule exists once. Access is checked by the caller (<see cref="WorkspaceAccess"/>).
/// </summary>
public sealed class WorkspaceLifecycle(WorkspaceStore store, PlanStore plans, StorageQuota storage, WorkspaceHost host, OwnerLocks owners)
{
    /// <summary>A new workspace owned by the user; 429 <c>WORKSPACE_LIMIT</c>, 507 <c>STORAGE_LIMIT</c>, 400 for a blank name.</summary>
    public async Task<WorkspaceRecord> CreateAsync(Guid userId, string? name, string? description, CancellationToken cancellationToken = default)
    {
        var checkedName = RequireName(name);
        using var owner = await owners.AcquireAsync(userId, cancellationToken).ConfigureAwait(false);
        await RequireRoomForAnotherAsync(userId, cancellationToken).ConfigureAwait(false);
        var record = await store.CreateAsync(userId, checkedName, description, cancellationToken).ConfigureAwait(false);
        await WithRecordRolledBackOnFailureAsync(record, () => host.CreateAsync(WorkspaceAccess.HostId(record.Id), checkedName)).ConfigureAwait(false);
        storage.Forget(userId);
        return record;
    }

    /// <summary>A copy of <paramref name="source"/> with its whole history, owned by the caller; counts against the caller's limits.</summary>
    public async Task<WorkspaceRecord> CloneAsync(WorkspaceContext source, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var checkedName = RequireName(name);
        using var owner = await owners.AcquireAsync(source.UserId, cancellationToken).ConfigureAwait(false);
        await RequireRoomForAnotherAsync(source.UserId, cancellationToken).ConfigureAwait(false);
        var record = await store.CreateAsync(source.UserId, checkedName, source.Record.Description, cancellationToken).ConfigureAwait(false);
        await WithRecordRolledBackOnFailureAsync(record, () =>
            host.CloneAsync(WorkspaceAccess.HostId(source.Record.Id), WorkspaceAccess.HostId(record.Id), checkedName)).ConfigureAwait(false);
        storage.Forget(source.UserId); // the clone's history counts at once
        return record;
    }

    /// <summary>Renames the workspace (a null name keeps it) and sets its description; returns the updated record.</summary>
    public async Task<WorkspaceRecord> RenameAsync(WorkspaceContext workspace, string? name, string? description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var checkedName = name is null ? workspace.Record.Name : RequireName(name);
        await store.RenameAsync(workspace.Record.Id, checkedName, description, cancellationToken).ConfigureAwait(false);
        return await store.GetAsync(workspace.Record.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkspaceException(WorkspaceErrorCodes.NotFound, "no such workspace");
    }

    /// <summary>Deletes the workspace: the folder first, then the record.</summary>
    public async Task DeleteAsync(WorkspaceContext workspace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var hostId = WorkspaceAccess.HostId(workspace.Record.Id);

        // The folder goes first: a record without a folder would be a workspace nobody can open, while a failed
        // removal leaves both in place for another try.
        if (host.Exists(hostId))
        {
            await host.RemoveAsync(hostId).ConfigureAwait(false);
        }

        await store.DeleteAsync(workspace.Record.Id, cancellationToken).ConfigureAwait(false);
        storage.Forget(workspace.Record.OwnerId); // the room it freed counts at once
    }

    /// <summary>
    /// 429 WORKSPACE_LIMIT when the user already owns as many workspaces as the plan allows; 507 STORAGE_LIMIT when
    /// the user's workspaces already take the plan's storage (measured afresh: a new workspace changes the sum).
    /// </summary>
    private async Task RequireRoomForAnotherAsync(Guid userId, CancellationToken cancellationToken)
    {
        var plan = await plans.GetForUserAsync(userId, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiException(ErrorCodes.UserNotFound, "the account no longer exists");
        if (await store.CountOwnedAsync(userId, cancellationToken).ConfigureAwait(false) >= plan.MaxWorkspaces)
        {
            throw new ApiException(ErrorCodes.WorkspaceLimit, $"the {plan.Name} plan allows {plan.MaxWorkspaces} workspaces");
        }

        await storage.EnsureRoomAsync(userId, fresh: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the workspace's folder; when that fails the new record is deleted again, so no half workspace remains.</summary>
    private async Task WithRecordRolledBackOnFailureAsync(WorkspaceRecord record, Func<Task<NexusWorkspace>> createFolder)
    {
        try
        {
            await createFolder().ConfigureAwait(false);
        }
        catch
        {
            await store.DeleteAsync(record.Id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private static string RequireName(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? throw new ApiException(ErrorCodes.BadRequest, "name is required")
            : name.Trim();
}

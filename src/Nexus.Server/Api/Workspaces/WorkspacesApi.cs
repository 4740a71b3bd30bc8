using Microsoft.AspNetCore.Http.HttpResults;
using Nexus.Server.Data;
using Nexus.Server.Errors;
using Nexus.Server.Hosting;
using Nexus.Server.Identity;
using Nexus.Server.Quotas;
using Nexus.Workspace;

namespace Nexus.Server.Api.Workspaces;

/// <summary>
/// The workspaces endpoints: <c>/api/workspaces</c> (list, create, read, rename, delete, clone, members, history),
/// <c>/api/plans</c> and <c>/api/account/usage</c>. Every route needs a signed-in caller; every workspace route
/// checks membership first (<see cref="WorkspaceAccess"/>).
/// </summary>
public static class WorkspacesApi
{
    /// <summary>Maps the workspaces, plans and usage endpoints (options from <see cref="WorkspacesApiOptions.Section"/>).</summary>
    public static IEndpointRouteBuilder MapWorkspacesApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = WorkspacesApiOptions.Read(endpoints.ServiceProvider.GetRequiredService<IConfiguration>());
        var workspaces = endpoints.MapGroup("/api/workspaces").RequireAuthorization()
            .WithTags("Workspaces");

        workspaces.MapGet("", ListAsync);
        workspaces.MapPost("", CreateAsync);
        workspaces.MapGet("/{ws}", GetAsync);
        workspaces.MapPatch("/{ws}", UpdateAsync);
        workspaces.MapDelete("/{ws}", DeleteAsync);
        workspaces.MapPost("/{ws}/clone", CloneAsync);
        WorkspaceMembersEndpoints.Map(workspaces);
        WorkspaceHistoryEndpoints.Map(workspaces, options);
        AccountEndpoints.Map(endpoints);
        return endpoints;
    }

    private static async Task<Ok<List<WorkspaceResponse>>> ListAsync(HttpContext context, WorkspaceStore store, CancellationToken cancellationToken)
    {
        var mine = await store.ListForUserAsync(context.User.GetUserId(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(mine.Select(w => WorkspaceResponse.From(w.Workspace, w.Role)).ToList());
    }

    private static async Task<Created<WorkspaceResponse>> CreateAsync(
        CreateWorkspaceRequest request, HttpContext context, WorkspaceStore store, PlanStore plans, StorageQuota storage, WorkspaceHost host, CancellationToken cancellationToken)
    {
        var userId = context.User.GetUserId();
        var name = RequireName(request.Name);
        await RequireRoomForAnotherAsync(userId, store, plans, storage, cancellationToken).ConfigureAwait(false);
        var record = await store.CreateAsync(userId, name, request.Description, cancellationToken).ConfigureAwait(false);
        await WithRecordRolledBackOnFailureAsync(record, store, () => host.CreateAsync(WorkspaceAccess.HostId(record.Id), name)).ConfigureAwait(false);
        storage.Forget(userId);
        return TypedResults.Created($"/api/workspaces/{record.Id}", WorkspaceResponse.From(record, WorkspaceRole.Owner));
    }

    private static async Task<Ok<WorkspaceResponse>> GetAsync(string ws, HttpContext context, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var workspace = await access.RequireAsync(context.User, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(WorkspaceResponse.From(workspace.Record, workspace.Role));
    }

    private static async Task<Ok<WorkspaceResponse>> UpdateAsync(
        string ws, UpdateWorkspaceRequest request, HttpContext context, WorkspaceAccess access, WorkspaceStore store, CancellationToken cancellationToken)
    {
        var workspace = await access.RequireAsync(context.User, ws, WorkspaceRole.Owner, cancellationToken).ConfigureAwait(false);
        var name = request.Name is null ? workspace.Record.Name : RequireName(request.Name);
        await store.RenameAsync(workspace.Record.Id, name, request.Description, cancellationToken).ConfigureAwait(false);
        var updated = await store.GetAsync(workspace.Record.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkspaceException(WorkspaceErrorCodes.NotFound, "no such workspace");
        return TypedResults.Ok(WorkspaceResponse.From(updated, workspace.Role));
    }

    private static async Task<NoContent> DeleteAsync(
        string ws, HttpContext context, WorkspaceAccess access, WorkspaceStore store, WorkspaceHost host, StorageQuota storage, CancellationToken cancellationToken)
    {
        var workspace = await access.RequireAsync(context.User, ws, WorkspaceRole.Owner, cancellationToken).ConfigureAwait(false);
        var hostId = WorkspaceAccess.HostId(workspace.Record.Id);

        // The folder goes first: a record without a folder would be a workspace nobody can open, while a failed
        // removal leaves both in place for another try.
        if (host.Exists(hostId))
        {
            await host.RemoveAsync(hostId).ConfigureAwait(false);
        }

        await store.DeleteAsync(workspace.Record.Id, cancellationToken).ConfigureAwait(false);
        storage.Forget(workspace.Record.OwnerId); // the room it freed counts at once
        return TypedResults.NoContent();
    }

    private static async Task<Created<WorkspaceResponse>> CloneAsync(
        string ws, CloneWorkspaceRequest request, HttpContext context, WorkspaceAccess access, WorkspaceStore store, PlanStore plans, StorageQuota storage, WorkspaceHost host, CancellationToken cancellationToken)
    {
        var source = await access.RequireAsync(context.User, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        var name = RequireName(request.Name);
        await RequireRoomForAnotherAsync(source.UserId, store, plans, storage, cancellationToken).ConfigureAwait(false);
        var record = await store.CreateAsync(source.UserId, name, source.Record.Description, cancellationToken).ConfigureAwait(false);
        await WithRecordRolledBackOnFailureAsync(record, store, () =>
            host.CloneAsync(WorkspaceAccess.HostId(source.Record.Id), WorkspaceAccess.HostId(record.Id), name)).ConfigureAwait(false);
        storage.Forget(source.UserId); // the clone's history counts at once
        return TypedResults.Created($"/api/workspaces/{record.Id}", WorkspaceResponse.From(record, WorkspaceRole.Owner));
    }

    /// <summary>
    /// 429 WORKSPACE_LIMIT when the user already owns as many workspaces as the plan allows; 507 STORAGE_LIMIT when
    /// the user's workspaces already take the plan's storage (measured afresh: a new workspace changes the sum).
    /// </summary>
    private static async Task RequireRoomForAnotherAsync(Guid userId, WorkspaceStore store, PlanStore plans, StorageQuota storage, CancellationToken cancellationToken)
    {
        var plan = await plans.GetForUserAsync(userId, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiException(ErrorCodes.UserNotFound, "the account no longer exists");
        if (await store.CountOwnedAsync(userId, cancellationToken).ConfigureAwait(false) >= plan.MaxWorkspaces)
        {
            throw new ApiException(ErrorCodes.WorkspaceLimit, $"the {plan.Name} plan allows {plan.MaxWorkspaces} workspaces");
        }

        if (await storage.MeasureAsync(userId, cancellationToken).ConfigureAwait(false) is { IsFull: true } full)
        {
            throw new ApiException(ErrorCodes.StorageLimit, StorageQuota.Refusal(full));
        }
    }

    /// <summary>Creates the workspace's folder; when that fails the new record is deleted again, so no half workspace remains.</summary>
    private static async Task WithRecordRolledBackOnFailureAsync(WorkspaceRecord record, WorkspaceStore store, Func<Task<NexusWorkspace>> createFolder)
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

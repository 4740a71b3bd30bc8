using Microsoft.AspNetCore.Http.HttpResults;
using Nexus.Server.Data;
using Nexus.Server.Identity;

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
        CreateWorkspaceRequest request, HttpContext context, WorkspaceLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var record = await lifecycle.CreateAsync(context.User.GetUserId(), request.Name, request.Description, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/workspaces/{record.Id}", WorkspaceResponse.From(record, WorkspaceRole.Owner));
    }

    private static async Task<Ok<WorkspaceResponse>> GetAsync(string ws, HttpContext context, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var workspace = await access.RequireAsync(context.User, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(WorkspaceResponse.From(workspace.Record, workspace.Role));
    }

    private static async Task<Ok<WorkspaceResponse>> UpdateAsync(
        string ws, UpdateWorkspaceRequest request, HttpContext context, WorkspaceAccess access, WorkspaceLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var workspace = await access.RequireAsync(context.User, ws, WorkspaceRole.Owner, cancellationToken).ConfigureAwait(false);
        var updated = await lifecycle.RenameAsync(workspace, request.Name, request.Description, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(WorkspaceResponse.From(updated, workspace.Role));
    }

    private static async Task<NoContent> DeleteAsync(
        string ws, HttpContext context, WorkspaceAccess access, WorkspaceLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var workspace = await access.RequireAsync(context.User, ws, WorkspaceRole.Owner, cancellationToken).ConfigureAwait(false);
        await lifecycle.DeleteAsync(workspace, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<Created<WorkspaceResponse>> CloneAsync(
        string ws, CloneWorkspaceRequest request, HttpContext context, WorkspaceAccess access, WorkspaceLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var source = await access.RequireAsync(context.User, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        var record = await lifecycle.CloneAsync(source, request.Name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/workspaces/{record.Id}", WorkspaceResponse.From(record, WorkspaceRole.Owner));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Nexus.Server.Data;
using Nexus.Server.Errors;

namespace Nexus.Server.Api.Workspaces;

/// <summary><c>/api/workspaces/{ws}/members</c>: viewers list, owners add, change and remove.</summary>
internal static class WorkspaceMembersEndpoints
{
    public static void Map(RouteGroupBuilder workspaces)
    {
        workspaces.MapGet("/{ws}/members", ListAsync);
        workspaces.MapPut("/{ws}/members", SetAsync);
        workspaces.MapDelete("/{ws}/members/{userId}", RemoveAsync);
    }

    private static async Task<Ok<List<MemberResponse>>> ListAsync(
        string ws, HttpContext context, WorkspaceAccess access, WorkspaceStore store, UserStore users, CancellationToken cancellationToken)
    {
        var workspace = await access.RequireAsync(context.User, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        var members = await store.ListMembersAsync(workspace.Record.Id, cancellationToken).ConfigureAwait(false);
        var result = new List<MemberResponse>(members.Count);
        foreach (var member in members)
        {
            // A member row outlives no user (deleting a user cascades), so a missing user is a race: leave it out.
            if (await users.FindByIdAsync(member.UserId, cancellationToken).ConfigureAwait(false) is { } user)
            {
                result.Add(new MemberResponse(user.Id, user.Email, user.DisplayName, RoleNames.Of(member.Role), member.AddedAt));
            }
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Ok<MemberResponse>> SetAsync(
        string ws, SetMemberRequest request, HttpContext context, WorkspaceAccess access, WorkspaceStore store, UserStore users, CancellationToken cancellationToken)
    {
        var workspace = await access.RequireAsync(context.User, ws, WorkspaceRole.Owner, cancellationToken).ConfigureAwait(false);
        var role = RoleNames.Parse(request.Role);
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            throw new ApiException(ErrorCodes.BadRequest, "email is required");
        }

        var user = await users.FindByEmailAsync(request.Email, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiException(ErrorCodes.UserNotFound, "no user has this email");
        await store.SetMemberAsync(workspace.Record.Id, user.Id, role, cancellationToken).ConfigureAwait(false);
        var member = (await store.ListMembersAsync(workspace.Record.Id, cancellationToken).ConfigureAwait(false)).Single(m => m.UserId == user.Id);
        return TypedResults.Ok(new MemberResponse(user.Id, user.Email, user.DisplayName, RoleNames.Of(member.Role), member.AddedAt));
    }

    private static async Task<NoContent> RemoveAsync(
        string ws, string userId, HttpContext context, WorkspaceAccess access, WorkspaceStore store, CancellationToken cancellationToken)
    {
        var workspace = await access.RequireAsync(context.User, ws, WorkspaceRole.Owner, cancellationToken).ConfigureAwait(false);
        if (!Guid.TryParse(userId, out var id) || !await store.RemoveMemberAsync(workspace.Record.Id, id, cancellationToken).ConfigureAwait(false))
        {
            throw new ApiException(ErrorCodes.MemberNotFound, "this user is not a member of the workspace");
        }

        return TypedResults.NoContent();
    }
}

using System.Security.Claims;
using Nexus.Server.Data;
using Nexus.Server.Errors;
using Nexus.Server.Hosting;
using Nexus.Server.Identity;
using Nexus.Server.Quotas;
using Nexus.Workspace;

namespace Nexus.Server.Api;

/// <summary>Who is asking, for which workspace, with which role; and the live workspace.</summary>
public sealed record WorkspaceContext(Guid UserId, WorkspaceRecord Record, WorkspaceRole Role, NexusWorkspace Live);

/// <summary>
/// The one place every workspace route checks access. A malformed id, an unknown workspace and a workspace the
/// caller is not a member of all answer 404 <c>WORKSPACE_NOT_FOUND</c> (no existence leak); a member whose role is
/// below what the route needs gets 403 <c>FORBIDDEN</c>. Viewers read; editors also trigger tools, edit panels and
/// propose; owners also manage members, delete and accept proposals.
/// </summary>
public sealed class WorkspaceAccess(WorkspaceStore workspaces, WorkspaceHost host, StorageQuota storage)
{
    /// <summary>The folder id of a workspace in the workspace host (its GUID, lower case with dashes).</summary>
    public static string HostId(Guid workspaceId) => workspaceId.ToString("D");

    public Task<WorkspaceContext> RequireAsync(ClaimsPrincipal user, string workspaceId, WorkspaceRole minimum, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return RequireAsync(user.GetUserId(), workspaceId, minimum, cancellationToken);
    }

    /// <summary>The same check for a user known by id (the web UI, whose user comes from its cookie).</summary>
    public async Task<WorkspaceContext> RequireAsync(Guid userId, string workspaceId, WorkspaceRole minimum, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(workspaceId, out var id)
            || await workspaces.GetForMemberAsync(id, userId, cancellationToken).ConfigureAwait(false) is not ({ } record, var role))
        {
            throw new WorkspaceException(WorkspaceErrorCodes.NotFound, "no such workspace");
        }

        if (role < minimum)
        {
            throw new ApiException(ErrorCodes.Forbidden, $"this needs the {minimum.ToString().ToLowerInvariant()} role in the workspace");
        }

        return new WorkspaceContext(userId, record, role, await host.GetAsync(HostId(id)).ConfigureAwait(false));
    }

    /// <summary>
    /// <see cref="RequireAsync(ClaimsPrincipal, string, WorkspaceRole, CancellationToken)"/> for a write that grows the workspace (a tool call, a panel edit, a proposal): also
    /// 507 <c>STORAGE_LIMIT</c> when the workspace's owner has used up the plan's storage.
    /// </summary>
    public Task<WorkspaceContext> RequireWithRoomAsync(ClaimsPrincipal user, string workspaceId, WorkspaceRole minimum, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return RequireWithRoomAsync(user.GetUserId(), workspaceId, minimum, cancellationToken);
    }

    /// <summary>The same check for a user known by id (the web UI).</summary>
    public async Task<WorkspaceContext> RequireWithRoomAsync(Guid userId, string workspaceId, WorkspaceRole minimum, CancellationToken cancellationToken = default)
    {
        var context = await RequireAsync(userId, workspaceId, minimum, cancellationToken).ConfigureAwait(false);
        await storage.EnsureRoomAsync(context.Record.OwnerId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return context;
    }
}

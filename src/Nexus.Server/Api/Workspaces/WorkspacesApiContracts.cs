using Nexus.Server.Errors;
using Nexus.Server.Data;
using Nexus.Workspace.Git;

namespace Nexus.Server.Api.Workspaces;


/// <summary><c>POST /api/workspaces</c>: a name and an optional description.</summary>
public sealed record CreateWorkspaceRequest(string? Name, string? Description);

/// <summary><c>PATCH /api/workspaces/{ws}</c>: whichever of name and description is given changes.</summary>
public sealed record UpdateWorkspaceRequest(string? Name, string? Description);

/// <summary><c>POST /api/workspaces/{ws}/clone</c>: the copy's name.</summary>
public sealed record CloneWorkspaceRequest(string? Name);

/// <summary><c>PUT /api/workspaces/{ws}/members</c>: who (by email) and which role (<c>owner</c>, <c>editor</c>, <c>viewer</c>).</summary>
public sealed record SetMemberRequest(string? Email, string? Role);

/// <summary><c>POST /api/workspaces/{ws}/revert</c>: the commit to undo.</summary>
public sealed record RevertRequest(string? Sha);

/// <summary>A workspace as the caller sees it, with the caller's role.</summary>
public sealed record WorkspaceResponse(Guid Id, string Name, string Description, string Role, Guid OwnerId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    internal static WorkspaceResponse From(WorkspaceRecord record, WorkspaceRole role) =>
        new(record.Id, record.Name, record.Description, RoleNames.Of(role), record.OwnerId, record.CreatedAt, record.UpdatedAt);
}

/// <summary>A member of a workspace.</summary>
public sealed record MemberResponse(Guid UserId, string Email, string DisplayName, string Role, DateTimeOffset AddedAt);

/// <summary>One commit of a workspace's history.</summary>
public sealed record CommitResponse(string Sha, string Message, string Author, DateTimeOffset Timestamp, IReadOnlyList<string> Files)
{
    internal static CommitResponse From(CommitInfo commit) => new(commit.Sha, commit.Message, commit.Author, commit.Timestamp, commit.Files);
}

/// <summary>The unified diff of one commit against its first parent.</summary>
public sealed record CommitDiffResponse(string Sha, string Diff);

/// <summary>The sha of a new commit.</summary>
public sealed record ShaResponse(string Sha);

/// <summary>A plan and its limits.</summary>
public sealed record PlanResponse(string Id, string Name, int MaxWorkspaces, int MaxPanelsPerWorkspace, long StorageBytes, long MonthlyTokens)
{
    internal static PlanResponse From(Plan plan) =>
        new(plan.Id, plan.Name, plan.MaxWorkspaces, plan.MaxPanelsPerWorkspace, plan.StorageBytes, plan.MonthlyTokens);
}

/// <summary>How much of one limit is used.</summary>
public sealed record UsageItem(long Used, long Limit);

/// <summary>
/// The caller's usage against each limit of their plan: workspaces owned, the most panels in one owned workspace,
/// the bytes of the owned workspaces' folders, and tokens spent this UTC month.
/// </summary>
public sealed record UsageResponse(string PlanId, UsageItem Workspaces, UsageItem PanelsPerWorkspace, UsageItem StorageBytes, UsageItem MonthlyTokens);

/// <summary>The wire names of workspace roles.</summary>
internal static class RoleNames
{
    public static string Of(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Owner => "owner",
        WorkspaceRole.Editor => "editor",
        _ => "viewer",
    };

    /// <summary>The role named <paramref name="name"/> (case-insensitive), or 400 naming the allowed values.</summary>
    public static WorkspaceRole Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "owner" => WorkspaceRole.Owner,
        "editor" => WorkspaceRole.Editor,
        "viewer" => WorkspaceRole.Viewer,
        _ => throw new ApiException(ErrorCodes.BadRequest, "role must be one of owner, editor, viewer"),
    };
}

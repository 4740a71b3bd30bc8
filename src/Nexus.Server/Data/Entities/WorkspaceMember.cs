namespace Nexus.Server.Data;

/// <summary>A user's role in a workspace; one row per (workspace, user).</summary>
public sealed class WorkspaceMember
{
    public Guid WorkspaceId { get; set; }

    public Guid UserId { get; set; }

    public WorkspaceRole Role { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>What a member may do in a workspace (stored as <c>owner</c>, <c>editor</c>, <c>viewer</c>).</summary>
public enum WorkspaceRole
{
    /// <summary>May read.</summary>
    Viewer,

    /// <summary>May also trigger tools, edit panels and create proposals.</summary>
    Editor,

    /// <summary>May also manage members, delete the workspace and accept proposals.</summary>
    Owner,
}

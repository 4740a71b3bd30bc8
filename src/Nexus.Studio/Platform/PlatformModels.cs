using Nexus.Workspace;

namespace Nexus.Studio.Platform;

/// <summary>A member's role in a workspace, lowest first (the platform's roles, as the Studio sees them).</summary>
public enum StudioRole
{
    Viewer,
    Editor,
    Owner,
}

/// <summary>A signed-in person.</summary>
public sealed record StudioUser(Guid Id, string Email, string DisplayName);

/// <summary>A workspace in the launcher: what it is and the user's role in it.</summary>
public sealed record WorkspaceSummary(Guid Id, string Name, string? Description, StudioRole Role, DateTimeOffset UpdatedAt);

/// <summary>A workspace opened for a user: its summary and the live workspace (panels, state, history).</summary>
public sealed record OpenedWorkspace(WorkspaceSummary Summary, NexusWorkspace Live);

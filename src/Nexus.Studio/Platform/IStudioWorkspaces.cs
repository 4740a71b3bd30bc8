namespace Nexus.Studio.Platform;

/// <summary>
/// The workspaces of a user, with the platform's rules: membership and roles (a workspace the user is not a member of
/// is "not found"), the plan's workspace, panel and storage limits. Every call names the user, and every call
/// checks again. Refusals are <see cref="PlatformRefusalException"/>s with the HTTP API's codes.
/// </summary>
public interface IStudioWorkspaces
{
    /// <summary>The panel templates every workspace offers (template id → NXML source).</summary>
    IReadOnlyDictionary<string, string> Templates { get; }

    /// <summary>The user's workspaces with the user's role, oldest first.</summary>
    Task<IReadOnlyList<WorkspaceSummary>> ListAsync(Guid userId, CancellationToken cancellationToken = default);

    Task<WorkspaceSummary> CreateAsync(Guid userId, string name, CancellationToken cancellationToken = default);

    /// <summary>A copy (whole history) owned by the user; needs the viewer role in the source.</summary>
    Task<WorkspaceSummary> CloneAsync(Guid userId, Guid workspaceId, string name, CancellationToken cancellationToken = default);

    /// <summary>Needs the owner role.</summary>
    Task RenameAsync(Guid userId, Guid workspaceId, string name, CancellationToken cancellationToken = default);

    /// <summary>Needs the owner role.</summary>
    Task DeleteAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default);

    /// <summary>The live workspace for a member with at least <paramref name="minimum"/>.</summary>
    Task<OpenedWorkspace> OpenAsync(Guid userId, Guid workspaceId, StudioRole minimum, CancellationToken cancellationToken = default);

    /// <summary>
    /// Refuses (role below editor, storage limit) when the user cannot change the workspace now: checked before every
    /// tool call and state write made from the view, as the HTTP API checks its tool calls.
    /// </summary>
    Task EnsureCanChangeAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Refuses (panel limit, storage limit, role below editor) when the user cannot add a panel now; otherwise answers
    /// the workspace's panel limit, to pass to the add (which counts again under the workspace's lock).
    /// </summary>
    Task<int> EnsureRoomForPanelAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default);
}

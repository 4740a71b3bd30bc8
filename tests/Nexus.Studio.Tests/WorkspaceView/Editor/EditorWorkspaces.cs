using Nexus.Studio.Platform;
using Nexus.Workspace;

namespace Nexus.Studio.Tests.WorkspaceView.Editor;

/// <summary>
/// The workspaces port for one workspace and one member, as the platform answers: not found for anyone else,
/// forbidden below the member's current role (which a test may lower while the editor is open), and a change
/// refused when the test sets a storage refusal.
/// </summary>
internal sealed class EditorWorkspaces(NexusWorkspace live, StudioRole role) : IStudioWorkspaces
{
    public Guid UserId { get; } = Guid.NewGuid();

    public Guid WorkspaceId { get; } = Guid.NewGuid();

    public StudioRole Role { get; set; } = role;

    /// <summary>When set, every change is refused with it (as the platform does when the plan's storage is full).</summary>
    public PlatformRefusalException? ChangeRefusal { get; set; }

    public IReadOnlyDictionary<string, string> Templates { get; } = new Dictionary<string, string>();

    public Task<OpenedWorkspace> OpenAsync(Guid userId, Guid workspaceId, StudioRole minimum, CancellationToken cancellationToken = default)
    {
        if (userId != UserId || workspaceId != WorkspaceId)
        {
            throw new PlatformRefusalException(PlatformRefusalException.NotFound, "The workspace does not exist.");
        }

        return Role < minimum
            ? throw new PlatformRefusalException("FORBIDDEN", "Your role in this workspace does not allow this.")
            : Task.FromResult(new OpenedWorkspace(new WorkspaceSummary(WorkspaceId, "Editing", null, Role, DateTimeOffset.UtcNow), live));
    }

    public async Task EnsureCanChangeAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await OpenAsync(userId, workspaceId, StudioRole.Editor, cancellationToken);
        if (ChangeRefusal is { } refusal)
        {
            throw refusal;
        }
    }

    public Task EnsureRoomForPanelAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default) =>
        EnsureCanChangeAsync(userId, workspaceId, cancellationToken);

    public Task<IReadOnlyList<WorkspaceSummary>> ListAsync(Guid userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<WorkspaceSummary> CreateAsync(Guid userId, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<WorkspaceSummary> CloneAsync(Guid userId, Guid workspaceId, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RenameAsync(Guid userId, Guid workspaceId, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task DeleteAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}

using Nexus.Studio.Platform;
using Nexus.Workspace;

namespace Nexus.Studio.Tests.WorkspaceView.Graph;

/// <summary>The port with one workspace, opened for its one member up to the member's role (as the platform does).</summary>
internal sealed class GraphPort(StudioRole role) : IStudioWorkspaces
{
    public Guid UserId { get; } = Guid.NewGuid();

    public Guid WorkspaceId { get; } = Guid.NewGuid();

    public NexusWorkspace? Live { get; set; }

    public IReadOnlyDictionary<string, string> Templates { get; } = new Dictionary<string, string>();

    public Task<OpenedWorkspace> OpenAsync(Guid user, Guid workspaceId, StudioRole minimum, CancellationToken cancellationToken = default) =>
        user != UserId || workspaceId != WorkspaceId || Live is null
            ? throw new PlatformRefusalException(PlatformRefusalException.NotFound, "not found")
            : role < minimum
                ? throw new PlatformRefusalException("FORBIDDEN", "Your role does not allow this.")
                : Task.FromResult(new OpenedWorkspace(new WorkspaceSummary(WorkspaceId, "Planning board", null, role, DateTimeOffset.UtcNow), Live));

    public Task EnsureCanChangeAsync(Guid user, Guid workspaceId, CancellationToken cancellationToken = default) =>
        OpenAsync(user, workspaceId, StudioRole.Editor, cancellationToken);

    public Task EnsureRoomForPanelAsync(Guid user, Guid workspaceId, CancellationToken cancellationToken = default) =>
        OpenAsync(user, workspaceId, StudioRole.Editor, cancellationToken);

    public Task<IReadOnlyList<WorkspaceSummary>> ListAsync(Guid user, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<WorkspaceSummary> CreateAsync(Guid user, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<WorkspaceSummary> CloneAsync(Guid user, Guid workspaceId, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RenameAsync(Guid user, Guid workspaceId, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task DeleteAsync(Guid user, Guid workspaceId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}

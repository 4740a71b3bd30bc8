using Nexus.Server.Api;
using Nexus.Server.Api.Workspaces;
using Nexus.Server.Data;
using Nexus.Server.Hosting;
using Nexus.Server.Quotas;
using Nexus.Studio.Platform;

namespace Nexus.Server.Studio;

/// <summary>
/// The Studio's workspaces port on the code the HTTP API runs: <see cref="WorkspaceAccess"/> (404 for non-members,
/// 403 below the role), <see cref="WorkspaceLifecycle"/> (workspace and storage limits), <see cref="PanelQuota"/>.
/// Each call gets its own scope (and database context): a Blazor circuit's scope lives as long as the tab, and its
/// events may overlap.
/// </summary>
internal sealed class StudioWorkspaces(IServiceScopeFactory scopes) : IStudioWorkspaces
{
    public IReadOnlyDictionary<string, string> Templates => StarterPanels.All;

    public Task<IReadOnlyList<WorkspaceSummary>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        InScopeAsync<IReadOnlyList<WorkspaceSummary>>(async services =>
        {
            var mine = await services.GetRequiredService<WorkspaceStore>().ListForUserAsync(userId, cancellationToken).ConfigureAwait(false);
            return [.. mine.Select(w => Summary(w.Workspace, w.Role))];
        });

    public Task<WorkspaceSummary> CreateAsync(Guid userId, string name, CancellationToken cancellationToken = default) =>
        InScopeAsync(async services =>
        {
            var record = await services.GetRequiredService<WorkspaceLifecycle>().CreateAsync(userId, name, null, cancellationToken).ConfigureAwait(false);
            return Summary(record, WorkspaceRole.Owner);
        });

    public Task<WorkspaceSummary> CloneAsync(Guid userId, Guid workspaceId, string name, CancellationToken cancellationToken = default) =>
        InScopeAsync(async services =>
        {
            var source = await RequireAsync(services, userId, workspaceId, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
            var record = await services.GetRequiredService<WorkspaceLifecycle>().CloneAsync(source, name, cancellationToken).ConfigureAwait(false);
            return Summary(record, WorkspaceRole.Owner);
        });

    public Task RenameAsync(Guid userId, Guid workspaceId, string name, CancellationToken cancellationToken = default) =>
        InScopeAsync(async services =>
        {
            var workspace = await RequireAsync(services, userId, workspaceId, WorkspaceRole.Owner, cancellationToken).ConfigureAwait(false);
            return await services.GetRequiredService<WorkspaceLifecycle>().RenameAsync(workspace, name, workspace.Record.Description, cancellationToken).ConfigureAwait(false);
        });

    public Task DeleteAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default) =>
        InScopeAsync(async services =>
        {
            var workspace = await RequireAsync(services, userId, workspaceId, WorkspaceRole.Owner, cancellationToken).ConfigureAwait(false);
            await services.GetRequiredService<WorkspaceLifecycle>().DeleteAsync(workspace, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task<OpenedWorkspace> OpenAsync(Guid userId, Guid workspaceId, StudioRole minimum, CancellationToken cancellationToken = default) =>
        InScopeAsync(async services =>
        {
            var workspace = await RequireAsync(services, userId, workspaceId, ToPlatform(minimum), cancellationToken).ConfigureAwait(false);
            return new OpenedWorkspace(Summary(workspace.Record, workspace.Role), workspace.Live);
        });

    public Task EnsureCanChangeAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default) =>
        InScopeAsync(services => services.GetRequiredService<WorkspaceAccess>()
            .RequireWithRoomAsync(userId, WorkspaceAccess.HostId(workspaceId), WorkspaceRole.Editor, cancellationToken));

    public Task<int> EnsureRoomForPanelAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default) =>
        InScopeAsync(async services =>
        {
            var workspace = await RequireAsync(services, userId, workspaceId, WorkspaceRole.Editor, cancellationToken).ConfigureAwait(false);
            return await services.GetRequiredService<PanelQuota>().EnsureRoomForAnotherAsync(workspace, cancellationToken).ConfigureAwait(false);
        });

    private static Task<WorkspaceContext> RequireAsync(IServiceProvider services, Guid userId, Guid workspaceId, WorkspaceRole minimum, CancellationToken cancellationToken) =>
        services.GetRequiredService<WorkspaceAccess>().RequireAsync(userId, WorkspaceAccess.HostId(workspaceId), minimum, cancellationToken);

    private Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> operation) => PlatformRefusals.InScopeAsync(scopes, operation);

    private static WorkspaceSummary Summary(WorkspaceRecord record, WorkspaceRole role) =>
        new(record.Id, record.Name, record.Description, ToStudio(role), record.UpdatedAt);

    private static StudioRole ToStudio(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Owner => StudioRole.Owner,
        WorkspaceRole.Editor => StudioRole.Editor,
        _ => StudioRole.Viewer,
    };

    private static WorkspaceRole ToPlatform(StudioRole role) => role switch
    {
        StudioRole.Owner => WorkspaceRole.Owner,
        StudioRole.Editor => WorkspaceRole.Editor,
        _ => WorkspaceRole.Viewer,
    };
}

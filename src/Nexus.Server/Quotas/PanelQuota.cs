using System.Globalization;
using Nexus.Server.Api;
using Nexus.Server.Data;
using Nexus.Server.Errors;

namespace Nexus.Server.Quotas;

/// <summary>
/// The room a workspace has for another panel: the panel limit of the workspace owner's plan (the free plan's when
/// the owner has none) and the owner's storage. The HTTP API and the web UI both ask here before adding a panel.
/// </summary>
public sealed class PanelQuota(PlanStore plans, StorageQuota storage)
{
    /// <summary>How many panels the workspace may hold.</summary>
    public async Task<int> MaxPanelsAsync(WorkspaceContext workspace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return (await plans.GetForUserAsync(workspace.Record.OwnerId, cancellationToken).ConfigureAwait(false) ?? Plan.CreateFree()).MaxPanelsPerWorkspace;
    }

    /// <summary>
    /// 507 <c>STORAGE_LIMIT</c> when the owner's storage is used up; 429 <c>PANEL_LIMIT</c> when the workspace is full.
    /// Answers the panel limit, for the add itself to count again under the workspace's lock
    /// (<see cref="Nexus.Workspace.NexusWorkspace.AddPanelAsync"/>'s <c>maxPanels</c>): two adds racing for the last
    /// place both pass this early check.
    /// </summary>
    public async Task<int> EnsureRoomForAnotherAsync(WorkspaceContext workspace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await storage.EnsureRoomAsync(workspace.Record.OwnerId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var max = await MaxPanelsAsync(workspace, cancellationToken).ConfigureAwait(false);
        if (workspace.Live.Panels.Count >= max)
        {
            throw new ApiException(ErrorCodes.PanelLimit, $"the workspace already has {max.ToString(CultureInfo.InvariantCulture)} panels, the most its owner's plan allows");
        }

        return max;
    }
}

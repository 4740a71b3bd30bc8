using Nexus.Server.Api;
using Nexus.Server.Api.Workspaces;
using Nexus.Server.Data;
using Nexus.Server.Errors;
using Nexus.Server.Hosting;

namespace Nexus.Server.Quotas;

/// <summary>A user's plan and the usage against each of its limits.</summary>
public sealed record AccountUsageReport(Plan Plan, UsageItem Workspaces, UsageItem PanelsPerWorkspace, UsageItem StorageBytes, UsageItem MonthlyTokens)
{
    /// <summary>The answer of <c>GET /api/account/usage</c>.</summary>
    public UsageResponse ToResponse() => new(Plan.Id, Workspaces, PanelsPerWorkspace, StorageBytes, MonthlyTokens);
}

/// <summary>
/// What a user uses of their plan: the workspaces they own, the most panels in one of them, the bytes of their
/// folders and the tokens spent this UTC month. One computation for <c>GET /api/account/usage</c> and the web UI's
/// account page.
/// </summary>
public sealed class AccountUsage(PlanStore plans, WorkspaceStore store, WorkspaceHost host, StorageQuota storage, TimeProvider time)
{
    /// <exception cref="ApiException"><c>USER_NOT_FOUND</c> when the account no longer exists.</exception>
    public async Task<AccountUsageReport> MeasureAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var plan = await plans.GetForUserAsync(userId, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiException(ErrorCodes.UserNotFound, "the account no longer exists");
        var owned = (await store.ListForUserAsync(userId, cancellationToken).ConfigureAwait(false))
            .Where(w => w.Workspace.OwnerId == userId).ToList();
        var maxPanels = 0;
        foreach (var workspace in owned)
        {
            var hostId = WorkspaceAccess.HostId(workspace.Workspace.Id);
            if (!host.Exists(hostId))
            {
                continue;
            }

            maxPanels = Math.Max(maxPanels, (await host.GetAsync(hostId).ConfigureAwait(false)).Panels.Count);
        }

        var bytes = (await storage.MeasureAsync(userId, cancellationToken).ConfigureAwait(false)).UsedBytes;
        var tokens = await plans.GetTokensUsedAsync(userId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new AccountUsageReport(
            plan,
            new UsageItem(owned.Count, plan.MaxWorkspaces),
            new UsageItem(maxPanels, plan.MaxPanelsPerWorkspace),
            new UsageItem(bytes, plan.StorageBytes),
            new UsageItem(tokens, plan.MonthlyTokens));
    }
}

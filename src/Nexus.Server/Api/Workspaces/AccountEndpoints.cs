using Nexus.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nexus.Server.Data;
using Nexus.Server.Hosting;
using Nexus.Server.Identity;
using Nexus.Server.Quotas;

namespace Nexus.Server.Api.Workspaces;


/// <summary><c>GET /api/plans</c> and <c>GET /api/account/usage</c>.</summary>
internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/plans", async Task<Ok<List<PlanResponse>>> (PlatformDbContext db, CancellationToken cancellationToken) =>
        {
            var plans = await db.Plans.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(plans.OrderBy(p => p.MaxWorkspaces).ThenBy(p => p.Id, StringComparer.Ordinal).Select(PlanResponse.From).ToList());
        }).RequireAuthorization().WithTags("Plans");
        endpoints.MapGet("/api/account/usage", UsageAsync).RequireAuthorization().WithTags("Plans");
    }

    private static async Task<Ok<UsageResponse>> UsageAsync(
        HttpContext context, PlanStore plans, WorkspaceStore store, WorkspaceHost host, StorageQuota storage, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = context.User.GetUserId();
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
        return TypedResults.Ok(new UsageResponse(
            plan.Id,
            new UsageItem(owned.Count, plan.MaxWorkspaces),
            new UsageItem(maxPanels, plan.MaxPanelsPerWorkspace),
            new UsageItem(bytes, plan.StorageBytes),
            new UsageItem(tokens, plan.MonthlyTokens)));
    }
}

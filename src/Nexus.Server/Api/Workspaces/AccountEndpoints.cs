using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nexus.Server.Data;
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

    private static async Task<Ok<UsageResponse>> UsageAsync(HttpContext context, AccountUsage usage, CancellationToken cancellationToken) =>
        TypedResults.Ok((await usage.MeasureAsync(context.User.GetUserId(), cancellationToken).ConfigureAwait(false)).ToResponse());
}

using Microsoft.Extensions.Options;
using Nexus.Server.Api.Workspaces;
using Nexus.Server.Identity;
using Nexus.Server.Quotas;
using Nexus.Studio.Platform;

namespace Nexus.Server.Studio;

/// <summary>
/// The Studio's account settings port on the code the HTTP API runs: <see cref="AccountUsage"/> (as
/// <c>GET /api/account/usage</c>) and <see cref="AuthService"/>'s personal access tokens (as <c>/api/auth/tokens</c>).
/// Each call gets its own scope (and database context), as the other ports.
/// </summary>
internal sealed class StudioAccountSettings(IServiceScopeFactory scopes, IOptions<AuthOptions> auth) : IStudioAccountSettings
{
    public int MaxTokenDays => auth.Value.MaxAccessTokenDays;

    public Task<AccountUsageSummary> GetUsageAsync(Guid userId, CancellationToken cancellationToken = default) =>
        InScopeAsync(async services =>
        {
            var report = await services.GetRequiredService<AccountUsage>().MeasureAsync(userId, cancellationToken).ConfigureAwait(false);
            return new AccountUsageSummary(report.Plan.Id, report.Plan.Name,
                Amount(report.Workspaces), Amount(report.PanelsPerWorkspace), Amount(report.StorageBytes), Amount(report.MonthlyTokens));
        });

    public Task<IReadOnlyList<AccessTokenSummary>> ListTokensAsync(Guid userId, CancellationToken cancellationToken = default) =>
        InScopeAsync<IReadOnlyList<AccessTokenSummary>>(async services =>
        {
            var tokens = await services.GetRequiredService<AuthService>().ListAccessTokensAsync(userId, cancellationToken).ConfigureAwait(false);
            return [.. tokens.Select(t => new AccessTokenSummary(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))];
        });

    public Task<CreatedAccessToken> CreateTokenAsync(Guid userId, string? name, int? expiresInDays, CancellationToken cancellationToken = default) =>
        InScopeAsync(async services =>
        {
            var created = await services.GetRequiredService<AuthService>()
                .CreateAccessTokenAsync(userId, new CreateAccessTokenRequest(name, expiresInDays), cancellationToken).ConfigureAwait(false);
            return new CreatedAccessToken(new AccessTokenSummary(created.Id, created.Name, created.CreatedAt, created.ExpiresAt, null, null), created.Token);
        });

    public Task RevokeTokenAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken = default) =>
        InScopeAsync(async services =>
        {
            await services.GetRequiredService<AuthService>().RevokeAccessTokenAsync(userId, tokenId, cancellationToken).ConfigureAwait(false);
            return true;
        });

    private static UsageAmount Amount(UsageItem item) => new(item.Used, item.Limit);

    private Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> operation) => PlatformRefusals.InScopeAsync(scopes, operation);
}

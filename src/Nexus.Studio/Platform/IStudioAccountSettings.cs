namespace Nexus.Studio.Platform;

/// <summary>
/// A signed-in user's own account: the plan's limits with the usage against them, and personal access tokens (the
/// bearer tokens for the HTTP API and MCP clients). The same rules as <c>GET /api/account/usage</c> and
/// <c>/api/auth/tokens</c>; refusals are <see cref="PlatformRefusalException"/>s with the API's codes.
/// </summary>
public interface IStudioAccountSettings
{
    /// <summary>The longest expiry a new token may have, in days (the API's <c>expiresInDays</c> upper bound).</summary>
    int MaxTokenDays { get; }

    /// <summary>The user's plan and usage, the numbers <c>GET /api/account/usage</c> answers.</summary>
    Task<AccountUsageSummary> GetUsageAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>The user's tokens, newest first, revoked ones included; never their values.</summary>
    Task<IReadOnlyList<AccessTokenSummary>> ListTokensAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Creates a token; the answer is the only time its value is known. No expiry means it does not expire.</summary>
    Task<CreatedAccessToken> CreateTokenAsync(Guid userId, string? name, int? expiresInDays, CancellationToken cancellationToken = default);

    /// <summary>Revokes one of the user's active tokens (<c>TOKEN_NOT_FOUND</c> otherwise).</summary>
    Task RevokeTokenAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken = default);
}

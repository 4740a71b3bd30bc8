namespace Nexus.Studio.Platform;

/// <summary>How much of one plan limit is used.</summary>
public sealed record UsageAmount(long Used, long Limit);

/// <summary>A user's plan and the usage against its limits (the largest workspace counts for panels per workspace).</summary>
public sealed record AccountUsageSummary(
    string PlanId,
    string PlanName,
    UsageAmount Workspaces,
    UsageAmount PanelsPerWorkspace,
    UsageAmount StorageBytes,
    UsageAmount MonthlyTokens);

/// <summary>A personal access token in a listing: what it is called and when it was made, used, expires or was revoked.</summary>
public sealed record AccessTokenSummary(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>A token just created, with its value: shown once, never stored by the platform.</summary>
public sealed record CreatedAccessToken(AccessTokenSummary Summary, string Token);

namespace Nexus.Server.Identity;

/// <summary>The body of <c>POST /api/auth/signup</c>.</summary>
public sealed record SignUpRequest(string? Email, string? Password, string? DisplayName);

/// <summary>The body of <c>POST /api/auth/login</c>.</summary>
public sealed record LogInRequest(string? Email, string? Password);

/// <summary>The body of <c>POST /api/auth/refresh</c> and <c>POST /api/auth/logout</c>.</summary>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>The body of <c>POST /api/auth/tokens</c>; no <c>expiresInDays</c> means the token does not expire.</summary>
public sealed record CreateAccessTokenRequest(string? Name, int? ExpiresInDays);

/// <summary>A user's plan as the API shows it.</summary>
public sealed record PlanResponse(string Id, string Name, int MaxWorkspaces, int MaxPanelsPerWorkspace, long StorageBytes, long MonthlyTokens);

/// <summary>The signed-in user (<c>GET /api/auth/me</c>).</summary>
public sealed record UserResponse(Guid Id, string Email, string DisplayName, PlanResponse? Plan);

/// <summary>A session: the user, a JWT access token valid for <paramref name="ExpiresIn"/> seconds and a refresh token.</summary>
public sealed record SessionResponse(UserResponse User, string AccessToken, string RefreshToken, int ExpiresIn);

/// <summary>A personal access token just created: the only time <paramref name="Token"/> is shown.</summary>
public sealed record CreatedAccessTokenResponse(Guid Id, string Name, string Token, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

/// <summary>A personal access token in a listing (never the token itself).</summary>
public sealed record AccessTokenResponse(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

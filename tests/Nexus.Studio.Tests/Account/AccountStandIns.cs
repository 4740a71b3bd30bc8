using Nexus.Studio.Platform;

namespace Nexus.Studio.Tests.Account;

/// <summary>
/// The account port for one user, in memory: the usage it is given, and tokens with the platform's visible rules
/// (a name is required, the expiry is bounded, only the user's active tokens can be revoked).
/// </summary>
internal sealed class OneAccount : IStudioAccountSettings
{
    private readonly List<AccessTokenSummary> _tokens = [];
    private int _next;

    public Guid UserId { get; } = Guid.NewGuid();

    public AccountUsageSummary Usage { get; set; } = new("free", "Free",
        new UsageAmount(1, 3), new UsageAmount(2, 20), new UsageAmount(2048, 100L * 1024 * 1024), new UsageAmount(0, 100_000));

    /// <summary>When set, reading the usage is refused with it.</summary>
    public PlatformRefusalException? UsageRefusal { get; set; }

    public int MaxTokenDays { get; set; } = 365;

    public List<(string Name, int? Days)> Created { get; } = [];

    public Task<AccountUsageSummary> GetUsageAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        Mine(userId);
        return UsageRefusal is { } refusal ? throw refusal : Task.FromResult(Usage);
    }

    public Task<IReadOnlyList<AccessTokenSummary>> ListTokensAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        Mine(userId);
        return Task.FromResult<IReadOnlyList<AccessTokenSummary>>([.. _tokens.OrderByDescending(t => t.CreatedAt)]);
    }

    public Task<CreatedAccessToken> CreateTokenAsync(Guid userId, string? name, int? expiresInDays, CancellationToken cancellationToken = default)
    {
        Mine(userId);
        if (string.IsNullOrWhiteSpace(name) || name.Trim() == "refuse me")
        {
            throw new PlatformRefusalException("INVALID_INPUT", "Name is required.");
        }

        if (expiresInDays is < 1 || expiresInDays > MaxTokenDays)
        {
            throw new PlatformRefusalException("INVALID_INPUT", $"ExpiresInDays must be between 1 and {MaxTokenDays}.");
        }

        Created.Add((name.Trim(), expiresInDays));
        var now = DateTimeOffset.UtcNow.AddSeconds(_next++);
        var token = new AccessTokenSummary(Guid.NewGuid(), name.Trim(), now, expiresInDays is { } days ? now.AddDays(days) : null, null, null);
        _tokens.Add(token);
        return Task.FromResult(new CreatedAccessToken(token, "nxp_secret" + Guid.NewGuid().ToString("N")));
    }

    public Task RevokeTokenAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        Mine(userId);
        var index = _tokens.FindIndex(t => t.Id == tokenId && t.RevokedAt is null);
        if (index < 0)
        {
            throw new PlatformRefusalException("TOKEN_NOT_FOUND", "You have no active token with this id.");
        }

        _tokens[index] = _tokens[index] with { RevokedAt = DateTimeOffset.UtcNow };
        return Task.CompletedTask;
    }

    private void Mine(Guid userId)
    {
        if (userId != UserId)
        {
            throw new PlatformRefusalException("UNAUTHORIZED", "Not this user.");
        }
    }
}

/// <summary>The workspaces port listing fixed workspaces for the account page (the page only lists them).</summary>
internal sealed class ListedWorkspaces(params WorkspaceSummary[] workspaces) : IStudioWorkspaces
{
    public IReadOnlyDictionary<string, string> Templates { get; } = new Dictionary<string, string>();

    public Task<IReadOnlyList<WorkspaceSummary>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WorkspaceSummary>>(workspaces);

    public Task<WorkspaceSummary> CreateAsync(Guid userId, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<WorkspaceSummary> CloneAsync(Guid userId, Guid workspaceId, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RenameAsync(Guid userId, Guid workspaceId, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task DeleteAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<OpenedWorkspace> OpenAsync(Guid userId, Guid workspaceId, StudioRole minimum, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task EnsureCanChangeAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<int> EnsureRoomForPanelAsync(Guid userId, Guid workspaceId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}

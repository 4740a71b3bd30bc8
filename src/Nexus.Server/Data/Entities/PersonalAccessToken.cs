namespace Nexus.Server.Data;

/// <summary>A long-lived token a user creates for scripts and agents, stored as its hash only (the token is shown once).</summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The token's <see cref="TokenHasher.Hash"/>; unique. The plain token is never stored.</summary>
    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the token stops working; null for no expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

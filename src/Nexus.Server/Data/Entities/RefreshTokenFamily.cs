namespace Nexus.Server.Data;

/// <summary>
/// The chain of refresh tokens issued from one sign-in. Each refresh spends the presented token and issues the next
/// one in the same family; presenting a spent token again means it leaked, so the whole family is revoked.
/// </summary>
public sealed class RefreshTokenFamily
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When set, no token of the family refreshes any more (logout or detected reuse).</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public List<RefreshToken> Tokens { get; set; } = [];
}

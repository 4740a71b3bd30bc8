namespace Nexus.Server.Data;

/// <summary>One refresh token of a <see cref="RefreshTokenFamily"/>, stored as its hash only.</summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; }

    public Guid FamilyId { get; set; }

    /// <summary>The token's <see cref="TokenHasher.Hash"/>; unique.</summary>
    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the token was exchanged for the next one; a spent token presented again revokes its family.</summary>
    public DateTimeOffset? SpentAt { get; set; }
}

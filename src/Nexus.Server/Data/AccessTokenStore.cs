using Microsoft.EntityFrameworkCore;

namespace Nexus.Server.Data;

/// <summary>Personal access tokens by hash: create, list, revoke, and the lookup that authenticates a request.</summary>
public sealed class AccessTokenStore(PlatformDbContext db, TimeProvider time)
{
    /// <summary>Stores a new token for the user. Pass the hash (<see cref="TokenHasher.Hash"/>), never the token; a null expiry means none.</summary>
    /// <exception cref="PlatformDataException"><see cref="PlatformDataError.UserNotFound"/>, <see cref="PlatformDataError.TokenExists"/>, or <see cref="PlatformDataError.InvalidInput"/>.</exception>
    public async Task<AccessTokenInfo> CreateAsync(Guid userId, string name, string tokenHash, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        var token = new PersonalAccessToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = StoreGuard.Text(name, nameof(name), PlatformSchema.NameLength),
            TokenHash = StoreGuard.Text(tokenHash, nameof(tokenHash), PlatformSchema.TokenHashLength),
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = expiresAt?.ToUniversalTime(),
        };
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken).ConfigureAwait(false))
            throw new PlatformDataException(PlatformDataError.UserNotFound, $"User {userId} does not exist.");
        db.PersonalAccessTokens.Add(token);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (StoreGuard.IsUniqueViolation(exception))
        {
            throw new PlatformDataException(PlatformDataError.TokenExists, "A personal access token with this hash already exists.", exception);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return ToInfo(token);
    }

    /// <summary>The user's tokens, newest first, including revoked and expired ones (without their hashes).</summary>
    public async Task<IReadOnlyList<AccessTokenInfo>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Ids are version-7 GUIDs (time-ordered); ordering in memory keeps SQLite and PostgreSQL GUID orders out of it.
        return [.. tokens.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Select(ToInfo)];
    }

    /// <summary>Revokes one of the user's tokens. False when the user has no such token or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return await db.PersonalAccessTokens.Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>
    /// The active (not revoked, not expired) token with this hash, recording the use; null otherwise.
    /// </summary>
    public async Task<AccessTokenInfo?> UseAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        var now = time.GetUtcNow();
        var token = await db.PersonalAccessTokens.AsNoTracking()
            .SingleOrDefaultAsync(t => t.TokenHash == tokenHash && t.RevokedAt == null, cancellationToken).ConfigureAwait(false);
        if (token is null || token.ExpiresAt <= now)
            return null;
        await db.PersonalAccessTokens.Where(t => t.Id == token.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), cancellationToken).ConfigureAwait(false);
        token.LastUsedAt = now;
        return ToInfo(token);
    }

    private static AccessTokenInfo ToInfo(PersonalAccessToken token) =>
        new(token.Id, token.UserId, token.Name, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt);
}

/// <summary>A personal access token as the API shows it (never its hash).</summary>
public sealed record AccessTokenInfo(Guid Id, Guid UserId, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

using Microsoft.EntityFrameworkCore;

namespace Nexus.Server.Data;

/// <summary>
/// Refresh tokens by hash, in families: issue a family at sign-in, rotate on refresh (the presented token is spent
/// and a new one joins the family), revoke at logout. Presenting a spent token revokes the whole family.
/// </summary>
public sealed class RefreshTokenStore(PlatformDbContext db, TimeProvider time)
{
    /// <summary>Starts a new family for the user with its first token.</summary>
    /// <exception cref="PlatformDataException"><see cref="PlatformDataError.UserNotFound"/>, <see cref="PlatformDataError.TokenExists"/>, or <see cref="PlatformDataError.InvalidInput"/>.</exception>
    public async Task<RefreshTokenInfo> IssueAsync(Guid userId, string tokenHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var hash = StoreGuard.Text(tokenHash, nameof(tokenHash), PlatformSchema.TokenHashLength);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken).ConfigureAwait(false))
            throw new PlatformDataException(PlatformDataError.UserNotFound, $"User {userId} does not exist.");
        var now = time.GetUtcNow();
        var family = new RefreshTokenFamily { Id = Guid.CreateVersion7(), UserId = userId, CreatedAt = now };
        var token = NewToken(family.Id, hash, now, expiresAt);
        family.Tokens.Add(token);
        db.RefreshTokenFamilies.Add(family);
        await SaveNewTokenAsync(cancellationToken).ConfigureAwait(false);
        return new RefreshTokenInfo(token.Id, family.Id, userId, token.ExpiresAt, null, null);
    }

    /// <summary>The token with this hash and the state of its family, or null.</summary>
    public Task<RefreshTokenInfo?> FindAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return Lookup(tokenHash).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Spends the presented token and adds <paramref name="newTokenHash"/> to its family, in one transaction.
    /// A token that was already spent (also by a concurrent rotation) revokes its family and is refused.
    /// </summary>
    public async Task<RefreshRotation> RotateAsync(string presentedTokenHash, string newTokenHash, DateTimeOffset newExpiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presentedTokenHash);
        var newHash = StoreGuard.Text(newTokenHash, nameof(newTokenHash), PlatformSchema.TokenHashLength);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var presented = await Lookup(presentedTokenHash).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (presented is null)
                return RefreshRotation.Refused(RefreshOutcome.NotFound, null);
            if (presented.FamilyRevokedAt is not null)
                return RefreshRotation.Refused(RefreshOutcome.Revoked, presented);

            var now = time.GetUtcNow();
            var spent = presented.SpentAt is null && await db.RefreshTokens
                .Where(t => t.Id == presented.TokenId && t.SpentAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.SpentAt, now), cancellationToken).ConfigureAwait(false) == 1;
            if (!spent)
            {
                // Spent before: whoever holds it now is not (only) the rightful client.
                await RevokeFamilyAsync(presented.FamilyId, now, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return RefreshRotation.Refused(RefreshOutcome.ReuseDetected, presented);
            }

            if (presented.ExpiresAt <= now)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return RefreshRotation.Refused(RefreshOutcome.Expired, presented);
            }

            var next = NewToken(presented.FamilyId, newHash, now, newExpiresAt);
            db.RefreshTokens.Add(next);
            await SaveNewTokenAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new RefreshRotation(RefreshOutcome.Rotated,
                new RefreshTokenInfo(next.Id, presented.FamilyId, presented.UserId, next.ExpiresAt, null, null));
        }
    }

    /// <summary>Revokes the family of the token with this hash (logout). False when no such token exists.</summary>
    public async Task<bool> RevokeFamilyByTokenAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        var familyId = await db.RefreshTokens.Where(t => t.TokenHash == tokenHash).Select(t => (Guid?)t.FamilyId)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (familyId is null)
            return false;
        await RevokeFamilyAsync(familyId.Value, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Revokes every family of the user (e.g. after a password change); returns how many were still active.</summary>
    public Task<int> RevokeAllForUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return db.RefreshTokenFamilies.Where(f => f.UserId == userId && f.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.RevokedAt, now), cancellationToken);
    }

    private IQueryable<RefreshTokenInfo> Lookup(string tokenHash) =>
        from token in db.RefreshTokens.AsNoTracking()
        join family in db.RefreshTokenFamilies.AsNoTracking() on token.FamilyId equals family.Id
        where token.TokenHash == tokenHash
        select new RefreshTokenInfo(token.Id, family.Id, family.UserId, token.ExpiresAt, token.SpentAt, family.RevokedAt);

    private Task<int> RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokenFamilies.Where(f => f.Id == familyId && f.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.RevokedAt, now), cancellationToken);

    private static RefreshToken NewToken(Guid familyId, string hash, DateTimeOffset now, DateTimeOffset expiresAt) => new()
    {
        Id = Guid.CreateVersion7(),
        FamilyId = familyId,
        TokenHash = hash,
        CreatedAt = now,
        ExpiresAt = expiresAt.ToUniversalTime(),
    };

    private async Task SaveNewTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (StoreGuard.IsUniqueViolation(exception))
        {
            throw new PlatformDataException(PlatformDataError.TokenExists, "A refresh token with this hash already exists.", exception);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>A refresh token and its family's state.</summary>
public sealed record RefreshTokenInfo(Guid TokenId, Guid FamilyId, Guid UserId, DateTimeOffset ExpiresAt, DateTimeOffset? SpentAt, DateTimeOffset? FamilyRevokedAt);

/// <summary>What <see cref="RefreshTokenStore.RotateAsync"/> did.</summary>
/// <param name="Outcome">Whether a new token was issued, and why not.</param>
/// <param name="Token">The new token when rotated; the presented token when refused (null when unknown).</param>
public sealed record RefreshRotation(RefreshOutcome Outcome, RefreshTokenInfo? Token)
{
    internal static RefreshRotation Refused(RefreshOutcome outcome, RefreshTokenInfo? presented) => new(outcome, presented);
}

/// <summary>The outcome of a refresh-token rotation.</summary>
public enum RefreshOutcome
{
    /// <summary>The presented token was spent and the new one issued in the same family.</summary>
    Rotated,

    /// <summary>No token has this hash.</summary>
    NotFound,

    /// <summary>The token expired (it is spent now, so it cannot be tried again).</summary>
    Expired,

    /// <summary>The family was revoked (logout or an earlier reuse).</summary>
    Revoked,

    /// <summary>The token was already spent: the family is revoked now.</summary>
    ReuseDetected,
}

using Microsoft.EntityFrameworkCore;

namespace Nexus.Server.Data;

/// <summary>Users: create, look up, and the failed-sign-in counter with its lockout.</summary>
public sealed class UserStore(PlatformDbContext db, TimeProvider time)
{
    /// <summary>Creates a user on the default plan.</summary>
    /// <exception cref="PlatformDataException"><see cref="PlatformDataError.EmailTaken"/> when another user has this email in any letter case; <see cref="PlatformDataError.InvalidInput"/> for empty or too long values.</exception>
    public async Task<PlatformUser> CreateAsync(string email, string displayName, string passwordHash, CancellationToken cancellationToken = default)
    {
        var user = new PlatformUser
        {
            Id = Guid.CreateVersion7(),
            Email = StoreGuard.Text(email, nameof(email), PlatformSchema.EmailLength),
            DisplayName = StoreGuard.OptionalText(displayName, nameof(displayName), PlatformSchema.NameLength),
            PasswordHash = StoreGuard.Text(passwordHash, nameof(passwordHash), PlatformSchema.PasswordHashLength),
            CreatedAt = time.GetUtcNow(),
        };
        user.NormalizedEmail = EmailAddress.Normalize(user.Email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == user.NormalizedEmail, cancellationToken).ConfigureAwait(false))
            throw EmailTaken();
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (StoreGuard.IsUniqueViolation(exception))
        {
            // A concurrent sign-up with the same email won between the check and the insert.
            db.Entry(user).State = EntityState.Detached;
            throw EmailTaken();
        }

        db.Entry(user).State = EntityState.Detached;
        return user;
    }

    /// <summary>The user with this email in any letter case, or null.</summary>
    public Task<PlatformUser?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = EmailAddress.Normalize(email);
        return db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
    }

    /// <summary>The user with this id, or null.</summary>
    public Task<PlatformUser?> FindByIdAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);

    /// <summary>
    /// Counts one failed sign-in. When the count reaches <paramref name="lockoutThreshold"/> the user is locked out
    /// for <paramref name="lockoutDuration"/> and the count starts again from zero. The increment happens in the
    /// database, so concurrent failures are all counted.
    /// </summary>
    /// <exception cref="PlatformDataException"><see cref="PlatformDataError.UserNotFound"/>, or <see cref="PlatformDataError.InvalidInput"/> for a threshold below 1 or a negative duration.</exception>
    public async Task<FailedSignIn> RecordFailedSignInAsync(Guid userId, int lockoutThreshold, TimeSpan lockoutDuration, CancellationToken cancellationToken = default)
    {
        if (lockoutThreshold < 1)
            throw new PlatformDataException(PlatformDataError.InvalidInput, "lockoutThreshold must be at least 1.");
        if (lockoutDuration < TimeSpan.Zero)
            throw new PlatformDataException(PlatformDataError.InvalidInput, "lockoutDuration must not be negative.");

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var updated = await db.Users.Where(u => u.Id == userId)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.FailedSignInCount, u => u.FailedSignInCount + 1), cancellationToken)
                .ConfigureAwait(false);
            if (updated == 0)
                throw new PlatformDataException(PlatformDataError.UserNotFound, $"User {userId} does not exist.");
            var count = await db.Users.Where(u => u.Id == userId).Select(u => u.FailedSignInCount)
                .SingleAsync(cancellationToken).ConfigureAwait(false);
            DateTimeOffset? lockoutEnd = null;
            if (count >= lockoutThreshold)
            {
                lockoutEnd = time.GetUtcNow() + lockoutDuration;
                await db.Users.Where(u => u.Id == userId)
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.FailedSignInCount, 0).SetProperty(u => u.LockoutEnd, lockoutEnd), cancellationToken)
                    .ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new FailedSignIn(count, lockoutEnd);
        }
    }

    /// <summary>After a successful sign-in: clears the failed-sign-in count and any lockout. False when the user does not exist.</summary>
    public async Task<bool> ResetFailedSignInsAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.FailedSignInCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null), cancellationToken)
            .ConfigureAwait(false) > 0;

    /// <summary>Moves the user to another plan.</summary>
    /// <exception cref="PlatformDataException"><see cref="PlatformDataError.UserNotFound"/> or <see cref="PlatformDataError.PlanNotFound"/>.</exception>
    public async Task SetPlanAsync(Guid userId, string planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(planId);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken).ConfigureAwait(false))
            throw new PlatformDataException(PlatformDataError.PlanNotFound, $"Plan '{planId}' does not exist.");
        var updated = await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.PlanId, planId), cancellationToken).ConfigureAwait(false);
        if (updated == 0)
            throw new PlatformDataException(PlatformDataError.UserNotFound, $"User {userId} does not exist.");
    }

    private static PlatformDataException EmailTaken() =>
        new(PlatformDataError.EmailTaken, "Another user already has this email.");
}

/// <summary>The outcome of <see cref="UserStore.RecordFailedSignInAsync"/>.</summary>
/// <param name="Count">Failed sign-ins counted including this one (the count restarts from zero after a lockout).</param>
/// <param name="LockoutEnd">Set when this failure locked the user out: sign-in is refused until then.</param>
public sealed record FailedSignIn(int Count, DateTimeOffset? LockoutEnd);

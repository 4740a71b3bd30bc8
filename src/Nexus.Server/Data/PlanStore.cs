using Microsoft.EntityFrameworkCore;

namespace Nexus.Server.Data;

/// <summary>Plans and monthly token usage.</summary>
public sealed class PlanStore(PlatformDbContext db)
{
    /// <summary>The plan, or null.</summary>
    public Task<Plan?> GetAsync(string planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(planId);
        return db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
    }

    /// <summary>The user's plan, or null when the user does not exist.</summary>
    public Task<Plan?> GetForUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (from user in db.Users
         join plan in db.Plans.AsNoTracking() on user.PlanId equals plan.Id
         where user.Id == userId
         select plan).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Tokens the user spent in the month containing <paramref name="when"/> (UTC); 0 when none.</summary>
    public Task<long> GetTokensUsedAsync(Guid userId, DateTimeOffset when, CancellationToken cancellationToken = default)
    {
        var month = MonthOf(when);
        return db.QuotaUsage.Where(u => u.UserId == userId && u.Month == month).Select(u => u.TokensUsed)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Adds tokens to the user's usage for the month containing <paramref name="when"/> (UTC) and returns the
    /// month's new total. The addition happens in the database, so concurrent additions are all counted.
    /// </summary>
    /// <exception cref="PlatformDataException"><see cref="PlatformDataError.InvalidInput"/> for a negative count; <see cref="PlatformDataError.UserNotFound"/>.</exception>
    public async Task<long> AddTokensUsedAsync(Guid userId, DateTimeOffset when, long tokens, CancellationToken cancellationToken = default)
    {
        if (tokens < 0)
            throw new PlatformDataException(PlatformDataError.InvalidInput, "tokens must not be negative.");
        var month = MonthOf(when);
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.QuotaUsage.Where(u => u.UserId == userId && u.Month == month)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.TokensUsed, u => u.TokensUsed + tokens), cancellationToken)
                .ConfigureAwait(false);
            if (updated == 0)
            {
                db.QuotaUsage.Add(new QuotaUsage { UserId = userId, Month = month, TokensUsed = tokens });
                try
                {
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException exception) when (StoreGuard.IsUniqueViolation(exception) && attempt == 0)
                {
                    // Another request created the month's row first: add to it instead.
                    continue;
                }
                catch (DbUpdateException exception) when (StoreGuard.IsForeignKeyViolation(exception))
                {
                    throw new PlatformDataException(PlatformDataError.UserNotFound, $"User {userId} does not exist.", exception);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }

            return await GetTokensUsedAsync(userId, when, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first day of the UTC month containing <paramref name="when"/>: the key of a usage row.</summary>
    public static DateOnly MonthOf(DateTimeOffset when)
    {
        var utc = when.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }
}

namespace Nexus.Server.Data;

/// <summary>LLM tokens a user spent in one calendar month (UTC); one row per user and month.</summary>
public sealed class QuotaUsage
{
    public Guid UserId { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public long TokensUsed { get; set; }
}

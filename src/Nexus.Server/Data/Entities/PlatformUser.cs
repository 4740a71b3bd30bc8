namespace Nexus.Server.Data;

/// <summary>A person who signs in. The email is unique case-insensitively through <see cref="NormalizedEmail"/>.</summary>
public sealed class PlatformUser
{
    public Guid Id { get; set; }

    /// <summary>The email as the user typed it (shown back to them).</summary>
    public string Email { get; set; } = "";

    /// <summary>The trimmed, upper-cased email: the unique key sign-in looks up (see <see cref="EmailAddress.Normalize"/>).</summary>
    public string NormalizedEmail { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>The password hash in whatever self-describing format the identity layer uses; never the password.</summary>
    public string PasswordHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Failed sign-ins since the last successful one or the last lockout.</summary>
    public int FailedSignInCount { get; set; }

    /// <summary>When set and in the future, sign-in is refused until then.</summary>
    public DateTimeOffset? LockoutEnd { get; set; }

    /// <summary>The user's plan (default <see cref="Plan.FreeId"/>).</summary>
    public string PlanId { get; set; } = Plan.FreeId;
}

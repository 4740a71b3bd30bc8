using Microsoft.Extensions.Options;

namespace Nexus.Server.Identity;

/// <summary>
/// Identity settings, bound from <c>Nexus:Auth</c> and validated at start-up (a bad value stops the server with a
/// message naming the setting).
/// </summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Nexus:Auth";

    /// <summary>The issuer and audience of every access token.</summary>
    public const string Issuer = "nexus";

    /// <summary>The smallest accepted signing key, in bytes (HMAC-SHA256 wants at least its block of 256 bits).</summary>
    public const int MinSigningKeyBytes = 32;

    /// <summary>
    /// The JWT signing key, base64, at least 32 bytes. When absent a key is generated once and kept in
    /// <c>&lt;DataDirectory&gt;/secrets/jwt-signing-key</c>, so a restart keeps accepting earlier tokens.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long an access token (JWT) is valid (default 15 minutes; 1 minute to 1 day).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token is valid (default 30 days; 1 hour to 365 days).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Tolerated clock difference when checking a JWT's lifetime (default 30 s; 0 to 5 minutes).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed sign-ins in a row that lock an account (default 5; 1 to 100).</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>How long a locked account refuses sign-in (default 15 minutes; 1 second to 1 day).</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Requests one IP address may make to login, signup and refresh per <see cref="RateLimitWindow"/> (default 10; 1 to 100,000).</summary>
    public int RateLimitPermits { get; set; } = 10;

    /// <summary>The fixed window of the per-IP rate limit (default 1 minute; 1 second to 1 hour).</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The shortest accepted password (default 10; 8 to 128). See <see cref="PasswordRules"/>.</summary>
    public int MinPasswordLength { get; set; } = 10;

    /// <summary>The longest lifetime a personal access token may ask for, in days (default 365; 1 to 3,650).</summary>
    public int MaxAccessTokenDays { get; set; } = 365;
}

/// <summary>Validates <see cref="AuthOptions"/> at start-up.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        Range(failures, nameof(AuthOptions.AccessTokenLifetime), options.AccessTokenLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        Range(failures, nameof(AuthOptions.RefreshTokenLifetime), options.RefreshTokenLifetime, TimeSpan.FromHours(1), TimeSpan.FromDays(365));
        Range(failures, nameof(AuthOptions.ClockSkew), options.ClockSkew, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        Range(failures, nameof(AuthOptions.LockoutDuration), options.LockoutDuration, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Range(failures, nameof(AuthOptions.RateLimitWindow), options.RateLimitWindow, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Range(failures, nameof(AuthOptions.LockoutThreshold), options.LockoutThreshold, 1, 100);
        Range(failures, nameof(AuthOptions.RateLimitPermits), options.RateLimitPermits, 1, 100_000);
        Range(failures, nameof(AuthOptions.MinPasswordLength), options.MinPasswordLength, 8, 128);
        Range(failures, nameof(AuthOptions.MaxAccessTokenDays), options.MaxAccessTokenDays, 1, 3_650);
        if (options.SigningKey is not null && SigningKeyStore.TryDecode(options.SigningKey) is null)
        {
            failures.Add($"{AuthOptions.SectionName}:{nameof(AuthOptions.SigningKey)} must be base64 of at least {AuthOptions.MinSigningKeyBytes} bytes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range<T>(List<string> failures, string setting, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"{AuthOptions.SectionName}:{setting} must be between {min} and {max} (was {value}).");
        }
    }
}

using System.Security.Cryptography;

namespace Nexus.Server.Identity;

/// <summary>Random bearer tokens: 256 bits, base64url without padding. Stored only as <c>TokenHasher</c> hashes.</summary>
public static class OpaqueTokens
{
    /// <summary>The prefix of personal access tokens, so the authentication scheme can tell them from JWTs.</summary>
    public const string AccessTokenPrefix = "nxp_";

    /// <summary>A new refresh token.</summary>
    public static string NewRefreshToken() => Random256();

    /// <summary>A new personal access token (<c>nxp_</c> + 256 random bits).</summary>
    public static string NewAccessToken() => AccessTokenPrefix + Random256();

    /// <summary>True when the bearer value looks like a personal access token.</summary>
    public static bool IsAccessToken(string? token) => token is not null && token.StartsWith(AccessTokenPrefix, StringComparison.Ordinal);

    private static string Random256() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

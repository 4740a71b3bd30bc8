using System.Security.Cryptography;
using System.Text;

namespace Nexus.Server.Data;

/// <summary>
/// Hashes bearer tokens (refresh tokens, personal access tokens) before they are stored or looked up. Tokens are
/// long random strings, so one SHA-256 is enough (no salt or stretching: those protect low-entropy passwords).
/// </summary>
public static class TokenHasher
{
    /// <summary>The lower-case hex SHA-256 of the token's UTF-8 bytes (64 characters).</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}

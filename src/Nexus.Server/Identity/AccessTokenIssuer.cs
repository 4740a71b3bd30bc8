using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Nexus.Server.Identity;

/// <summary>Issues access tokens: JWTs signed HMAC-SHA256, <c>sub</c> = user id, issuer and audience <c>nexus</c>.</summary>
public sealed class AccessTokenIssuer(SigningKeyStore key, IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>The token's lifetime in seconds (the <c>expiresIn</c> of the API).</summary>
    public int LifetimeSeconds => (int)options.Value.AccessTokenLifetime.TotalSeconds;

    /// <summary>A new access token for the user.</summary>
    public string Issue(Guid userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Issuer,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, userId.ToString())]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.AccessTokenLifetime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
    }
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Nexus.Server.Data;

namespace Nexus.Server.Identity;

/// <summary>
/// Authenticates personal access tokens (<c>nxp_…</c>): looked up by hash; unknown, revoked or expired tokens fail
/// (401). Every use is recorded by the store.
/// </summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessTokenStore tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken.Read(Request);
        if (!OpaqueTokens.IsAccessToken(token))
        {
            return AuthenticateResult.NoResult();
        }

        var info = await tokens.UseAsync(TokenHasher.Hash(token!), Context.RequestAborted).ConfigureAwait(false);
        if (info is null)
        {
            return AuthenticateResult.Fail("The personal access token is unknown, revoked or expired.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimsPrincipalExtensions.UserIdClaim, info.UserId.ToString()), new Claim("pat", info.Id.ToString())],
            Scheme.Name, ClaimsPrincipalExtensions.UserIdClaim, roleType: null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}

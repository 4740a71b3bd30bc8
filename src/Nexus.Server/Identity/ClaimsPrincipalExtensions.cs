using System.Security.Claims;

namespace Nexus.Server.Identity;

/// <summary>Reads the signed-in user from the request's principal (JWT or personal access token alike).</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The claim holding the user id.</summary>
    public const string UserIdClaim = "sub";

    /// <summary>The user id, or null when the principal is not an authenticated Nexus user.</summary>
    public static Guid? FindUserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirstValue(UserIdClaim), out var id) ? id : null;
    }

    /// <summary>The user id of an endpoint that requires authorization.</summary>
    /// <exception cref="InvalidOperationException">The endpoint was reached without an authenticated user (a missing <c>RequireAuthorization</c>).</exception>
    public static Guid GetUserId(this ClaimsPrincipal principal) =>
        principal.FindUserId() ?? throw new InvalidOperationException("The endpoint requires an authenticated user.");
}

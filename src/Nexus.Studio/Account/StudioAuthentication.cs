using System.Security.Claims;
using Nexus.Studio.Platform;

namespace Nexus.Studio.Account;

/// <summary>
/// The Studio's sign-in: a cookie scheme for the web UI only (the API keeps its bearer tokens and never accepts the
/// cookie). The principal carries the same <c>sub</c> claim as an access token.
/// </summary>
public static class StudioAuthentication
{
    /// <summary>The cookie authentication scheme of the UI.</summary>
    public const string Scheme = "NexusStudio";

    /// <summary>The cookie's name.</summary>
    public const string CookieName = "nexus.studio";

    public const string SignInPath = "/signin";

    public const string SignUpPath = "/signup";

    /// <summary>The claim holding the user id (as in the API's access tokens).</summary>
    public const string UserIdClaim = "sub";

    /// <summary>The principal the cookie stores for a signed-in user.</summary>
    public static ClaimsPrincipal Principal(StudioUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(UserIdClaim, user.Id.ToString("D")),
                new Claim(ClaimTypes.Name, user.DisplayName),
                new Claim(ClaimTypes.Email, user.Email),
            ],
            Scheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The signed-in user's id, or null for an anonymous principal.</summary>
    public static Guid? UserId(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirst(UserIdClaim)?.Value, out var id) ? id : null;

    /// <summary>A local path to return to after signing in; anything else (another site, a protocol-relative URL) becomes "/".</summary>
    public static string SafeReturnPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } path && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
            ? path
            : "/";
}

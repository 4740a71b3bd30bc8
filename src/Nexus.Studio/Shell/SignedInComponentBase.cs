using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Nexus.Studio.Account;

namespace Nexus.Studio.Shell;

/// <summary>A page for a signed-in user: the user's id from the authentication state (the Studio cookie).</summary>
public abstract class SignedInComponentBase : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The signed-in user's id; throws when the page was reached anonymously (a missing [Authorize]).</summary>
    protected async Task<Guid> UserIdAsync()
    {
        var state = AuthenticationState is null ? null : await AuthenticationState.ConfigureAwait(true);
        return StudioAuthentication.UserId(state?.User) ?? throw new InvalidOperationException("This page needs a signed-in user.");
    }
}

using Nexus.Server.Data;
using Nexus.Server.Identity;
using Nexus.Studio.Platform;

namespace Nexus.Server.Studio;

/// <summary>The Studio's accounts port on the identity service the API uses (<see cref="AuthService"/>): same rules, same lockout.</summary>
internal sealed class StudioAccounts(IServiceScopeFactory scopes) : IStudioAccounts
{
    public Task<StudioUser> SignUpAsync(string? email, string? password, string? displayName, CancellationToken cancellationToken = default) =>
        WithAuthAsync(auth => auth.CreateUserAsync(new SignUpRequest(email, password, displayName), cancellationToken));

    public Task<StudioUser> VerifySignInAsync(string? email, string? password, CancellationToken cancellationToken = default) =>
        WithAuthAsync(auth => auth.VerifyCredentialsAsync(new LogInRequest(email, password), cancellationToken));

    /// <summary>Each call gets its own scope (and database context): a Blazor circuit's scope lives as long as the tab.</summary>
    private Task<StudioUser> WithAuthAsync(Func<AuthService, Task<PlatformUser>> operation) => PlatformRefusals.TranslateAsync(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var user = await operation(scope.ServiceProvider.GetRequiredService<AuthService>()).ConfigureAwait(false);
        return new StudioUser(user.Id, user.Email, user.DisplayName);
    });
}

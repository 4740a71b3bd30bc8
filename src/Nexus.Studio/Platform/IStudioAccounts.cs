namespace Nexus.Studio.Platform;

/// <summary>
/// The accounts the Studio signs people in with: the platform's identity, with its rules (password strength, unique
/// email, lockout). Refusals are <see cref="PlatformRefusalException"/>s with the identity API's codes.
/// </summary>
public interface IStudioAccounts
{
    /// <summary>Creates an account.</summary>
    Task<StudioUser> SignUpAsync(string? email, string? password, string? displayName, CancellationToken cancellationToken = default);

    /// <summary>Checks the credentials (counting failures towards the lockout) and answers who signed in.</summary>
    Task<StudioUser> VerifySignInAsync(string? email, string? password, CancellationToken cancellationToken = default);
}

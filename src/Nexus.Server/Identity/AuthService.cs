using System.Net.Mail;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nexus.Server.Data;

namespace Nexus.Server.Identity;

/// <summary>
/// What the identity endpoints do: sign-up, sign-in with lockout, refresh-token rotation, logout, the profile and
/// personal access tokens. Refusals are <see cref="AuthException"/>s with a code from <see cref="AuthErrorCodes"/>.
/// </summary>
public sealed class AuthService(
    UserStore users,
    RefreshTokenStore refreshTokens,
    AccessTokenStore accessTokens,
    PlanStore plans,
    IPasswordHasher<PlatformUser> hasher,
    AccessTokenIssuer issuer,
    IOptions<AuthOptions> options,
    TimeProvider time)
{
    private static string? _dummyHash;

    private AuthOptions Options => options.Value;

    /// <summary>Creates the user and signs them in.</summary>
    public async Task<SessionResponse> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken)
    {
        var user = await CreateUserAsync(request, cancellationToken).ConfigureAwait(false);
        return await StartSessionAsync(user, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the user without starting a token session: the web UI's sign-up, which keeps its session in a cookie.
    /// Same rules as <see cref="SignUpAsync"/>.
    /// </summary>
    public async Task<PlatformUser> CreateUserAsync(SignUpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = ValidEmail(request.Email);
        if (PasswordRules.Check(request.Password, Options.MinPasswordLength) is { } weakness)
        {
            throw new AuthException(AuthErrorCodes.WeakPassword, weakness);
        }

        var displayName = Text(request.DisplayName, "displayName", required: false) ?? email[..email.IndexOf('@', StringComparison.Ordinal)];
        PlatformUser user;
        try
        {
            user = await users.CreateAsync(email, displayName, hasher.HashPassword(new PlatformUser(), request.Password!), cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformDataException exception) when (exception.Error == PlatformDataError.EmailTaken)
        {
            throw new AuthException(AuthErrorCodes.EmailTaken, "An account with this email exists.");
        }

        return user;
    }

    /// <summary>
    /// Signs in. Unknown email and wrong password get the same answer after the same work (a dummy hash is verified
    /// for unknown emails), so neither the body nor the timing tells whether an account exists.
    /// </summary>
    public async Task<SessionResponse> LogInAsync(LogInRequest request, CancellationToken cancellationToken)
    {
        var user = await VerifyCredentialsAsync(request, cancellationToken).ConfigureAwait(false);
        return await StartSessionAsync(user, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the credentials with every rule of <see cref="LogInAsync"/> (same answers, same cost, lockout) without
    /// starting a token session: the web UI's sign-in, which keeps its session in a cookie.
    /// </summary>
    public async Task<PlatformUser> VerifyCredentialsAsync(LogInRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var password = request.Password ?? "";
        var user = string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > PlatformSchema.EmailLength
            ? null
            : await users.FindByEmailAsync(request.Email, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new PlatformUser(), DummyHash(), password);
            throw InvalidCredentials();
        }

        if (user.LockoutEnd > time.GetUtcNow())
        {
            throw LockedOut(user.LockoutEnd.Value);
        }

        if (hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var failure = await users.RecordFailedSignInAsync(user.Id, Options.LockoutThreshold, Options.LockoutDuration, cancellationToken).ConfigureAwait(false);
            throw failure.LockoutEnd is { } end ? LockedOut(end) : InvalidCredentials();
        }

        await users.ResetFailedSignInsAsync(user.Id, cancellationToken).ConfigureAwait(false);
        return user;
    }

    /// <summary>Exchanges a refresh token for a new pair; the presented token is spent, and a spent one revokes its family.</summary>
    public async Task<SessionResponse> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            throw InvalidRefreshToken();
        }

        var next = OpaqueTokens.NewRefreshToken();
        var rotation = await refreshTokens.RotateAsync(TokenHasher.Hash(request.RefreshToken), TokenHasher.Hash(next),
            time.GetUtcNow() + Options.RefreshTokenLifetime, cancellationToken).ConfigureAwait(false);
        if (rotation.Outcome != RefreshOutcome.Rotated
            || await users.FindByIdAsync(rotation.Token!.UserId, cancellationToken).ConfigureAwait(false) is not { } user)
        {
            throw InvalidRefreshToken();
        }

        return new SessionResponse(await ProfileAsync(user, cancellationToken).ConfigureAwait(false), issuer.Issue(user.Id), next, issuer.LifetimeSeconds);
    }

    /// <summary>Revokes the family of the refresh token (every token issued from that sign-in). Unknown tokens are ignored.</summary>
    public async Task LogOutAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            throw new AuthException(AuthErrorCodes.InvalidInput, "refreshToken is required.");
        }

        await refreshTokens.RevokeFamilyByTokenAsync(TokenHasher.Hash(request.RefreshToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The user's profile; 401 when the account no longer exists.</summary>
    public async Task<UserResponse> GetProfileAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId, cancellationToken).ConfigureAwait(false)
            ?? throw new AuthException(AuthErrorCodes.Unauthorized, "The account no longer exists.");
        return await ProfileAsync(user, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a personal access token; the response is the only time its value is shown.</summary>
    public async Task<CreatedAccessTokenResponse> CreateAccessTokenAsync(Guid userId, CreateAccessTokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = Text(request.Name, "name", required: true)!;
        if (request.ExpiresInDays is { } days && (days < 1 || days > Options.MaxAccessTokenDays))
        {
            throw new AuthException(AuthErrorCodes.InvalidInput, $"expiresInDays must be between 1 and {Options.MaxAccessTokenDays}.");
        }

        var token = OpaqueTokens.NewAccessToken();
        DateTimeOffset? expiresAt = request.ExpiresInDays is { } d ? time.GetUtcNow().AddDays(d) : null;
        var info = await accessTokens.CreateAsync(userId, name, TokenHasher.Hash(token), expiresAt, cancellationToken).ConfigureAwait(false);
        return new CreatedAccessTokenResponse(info.Id, info.Name, token, info.CreatedAt, info.ExpiresAt);
    }

    /// <summary>The user's personal access tokens, newest first, without their values.</summary>
    public async Task<IReadOnlyList<AccessTokenResponse>> ListAccessTokensAsync(Guid userId, CancellationToken cancellationToken)
    {
        var tokens = await accessTokens.ListAsync(userId, cancellationToken).ConfigureAwait(false);
        return [.. tokens.Select(t => new AccessTokenResponse(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))];
    }

    /// <summary>Revokes one of the user's tokens; another user's (or an unknown, or a revoked) token is 404.</summary>
    public async Task RevokeAccessTokenAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken)
    {
        if (!await accessTokens.RevokeAsync(userId, tokenId, cancellationToken).ConfigureAwait(false))
        {
            throw new AuthException(AuthErrorCodes.TokenNotFound, "You have no active token with this id.");
        }
    }

    private async Task<SessionResponse> StartSessionAsync(PlatformUser user, CancellationToken cancellationToken)
    {
        var refresh = OpaqueTokens.NewRefreshToken();
        await refreshTokens.IssueAsync(user.Id, TokenHasher.Hash(refresh), time.GetUtcNow() + Options.RefreshTokenLifetime, cancellationToken).ConfigureAwait(false);
        return new SessionResponse(await ProfileAsync(user, cancellationToken).ConfigureAwait(false), issuer.Issue(user.Id), refresh, issuer.LifetimeSeconds);
    }

    private async Task<UserResponse> ProfileAsync(PlatformUser user, CancellationToken cancellationToken)
    {
        var plan = await plans.GetForUserAsync(user.Id, cancellationToken).ConfigureAwait(false);
        var planResponse = plan is null ? null : new PlanResponse(plan.Id, plan.Name, plan.MaxWorkspaces, plan.MaxPanelsPerWorkspace, plan.StorageBytes, plan.MonthlyTokens);
        return new UserResponse(user.Id, user.Email, user.DisplayName, planResponse);
    }

    /// <summary>A hash of a random password, verified for unknown emails so they cost as much as known ones.</summary>
    private string DummyHash() =>
        _dummyHash ??= hasher.HashPassword(new PlatformUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    private static string ValidEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length is 0 or > PlatformSchema.EmailLength || !MailAddress.TryCreate(trimmed, out var parsed)
            || !string.Equals(parsed.Address, trimmed, StringComparison.Ordinal) || !string.IsNullOrEmpty(parsed.DisplayName)
            || trimmed.Any(char.IsWhiteSpace))
        {
            throw new AuthException(AuthErrorCodes.InvalidEmail, "The email address is not valid.");
        }

        return trimmed;
    }

    private static string? Text(string? value, string field, bool required)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return required ? throw new AuthException(AuthErrorCodes.InvalidInput, $"{field} is required.") : null;
        }

        return trimmed.Length > PlatformSchema.NameLength
            ? throw new AuthException(AuthErrorCodes.InvalidInput, $"{field} must have at most {PlatformSchema.NameLength} characters.")
            : trimmed;
    }

    private static AuthException InvalidCredentials() => new(AuthErrorCodes.InvalidCredentials, "The email or password is wrong.");

    private static AuthException InvalidRefreshToken() => new(AuthErrorCodes.InvalidRefreshToken, "The refresh token is unknown, spent, expired or revoked.");

    private static AuthException LockedOut(DateTimeOffset until) =>
        new(AuthErrorCodes.LockedOut, $"Too many failed sign-ins; try again after {until.UtcDateTime:u}.");
}

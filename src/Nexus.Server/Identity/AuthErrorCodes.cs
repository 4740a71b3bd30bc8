namespace Nexus.Server.Identity;

/// <summary>The error codes of the identity endpoints and the status each one is answered with.</summary>
public static class AuthErrorCodes
{
    public const string EmailTaken = "EMAIL_TAKEN";
    public const string WeakPassword = "WEAK_PASSWORD";
    public const string InvalidEmail = "INVALID_EMAIL";
    public const string InvalidInput = "INVALID_INPUT";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string InvalidRefreshToken = "INVALID_REFRESH_TOKEN";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string LockedOut = "LOCKED_OUT";
    public const string RateLimited = "RATE_LIMITED";
    public const string TokenNotFound = "TOKEN_NOT_FOUND";

    /// <summary>The HTTP status of a code of this class.</summary>
    public static int StatusOf(string code) => code switch
    {
        EmailTaken => StatusCodes.Status409Conflict,
        InvalidCredentials or InvalidRefreshToken or Unauthorized => StatusCodes.Status401Unauthorized,
        LockedOut or RateLimited => StatusCodes.Status429TooManyRequests,
        TokenNotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };
}

/// <summary>An identity request refused for a reason the caller can act on; the endpoints answer it as problem details.</summary>
public sealed class AuthException : Exception
{
    public AuthException(string code, string message)
        : base(message) => Code = code;

    public AuthException()
        : this(AuthErrorCodes.InvalidInput, "invalid request")
    {
    }

    public AuthException(string message)
        : this(AuthErrorCodes.InvalidInput, message)
    {
    }

    public AuthException(string message, Exception innerException)
        : base(message, innerException) => Code = AuthErrorCodes.InvalidInput;

    /// <summary>The machine-readable code (<see cref="AuthErrorCodes"/>).</summary>
    public string Code { get; }
}

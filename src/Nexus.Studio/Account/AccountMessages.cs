namespace Nexus.Studio.Account;

/// <summary>What the sign-in and sign-up pages say for a refusal code from the identity service.</summary>
public static class AccountMessages
{
    public static string? For(string? code) => code switch
    {
        null or "" => null,
        "INVALID_CREDENTIALS" => "The email or password is wrong.",
        "LOCKED_OUT" => "Too many failed sign-ins: this account is locked for a while. Try again later.",
        "RATE_LIMITED" => "Too many attempts from this address. Wait a minute and try again.",
        "EMAIL_TAKEN" => "An account with this email already exists. Sign in instead.",
        "INVALID_EMAIL" => "That email address is not valid.",
        "WEAK_PASSWORD" => "That password is too weak: use a longer one that mixes lower- and upper-case letters, digits or symbols.",
        "INVALID_INPUT" => "Some of the fields are not valid (a name may be too long).",
        _ => "That did not work. Please try again.",
    };
}

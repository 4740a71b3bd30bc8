namespace Nexus.Server.Identity;

/// <summary>
/// The password rule: at least <see cref="AuthOptions.MinPasswordLength"/> characters (default 10) and not all of one
/// character class (lower-case letters, upper-case letters, digits, everything else). Length matters far more than
/// composition, so the rule stops only the weakest choices ("aaaaaaaaaa", "1234567890") without forcing patterns.
/// </summary>
public static class PasswordRules
{
    /// <summary>Why the password is too weak, or null when it is acceptable.</summary>
    public static string? Check(string? password, int minLength)
    {
        if (string.IsNullOrEmpty(password) || password.Length < minLength)
        {
            return $"The password must have at least {minLength} characters.";
        }

        var classes = (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0)
            + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        return classes < 2
            ? "The password must mix at least two kinds of characters (lower-case, upper-case, digits, symbols)."
            : null;
    }
}

namespace Nexus.Server.Data;

/// <summary>The one place emails are made comparable: sign-in and uniqueness use the normalized form.</summary>
public static class EmailAddress
{
    /// <summary>The email trimmed and upper-cased (invariant), so <c>Ada@Example.org</c> and <c>ada@example.org</c> are one user.</summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToUpperInvariant();
    }
}

namespace Nexus.Studio.Platform;

/// <summary>
/// The platform refused an operation: <see cref="Code"/> is the same code the HTTP API answers with
/// (<c>WORKSPACE_NOT_FOUND</c>, <c>FORBIDDEN</c>, <c>WORKSPACE_LIMIT</c>, <c>INVALID_CREDENTIALS</c>, …) and the
/// message is fit to show to the user.
/// </summary>
public sealed class PlatformRefusalException : Exception
{
    public const string NotFound = "WORKSPACE_NOT_FOUND";

    public PlatformRefusalException()
        : this("REFUSED", "The operation was refused.")
    {
    }

    public PlatformRefusalException(string message)
        : this("REFUSED", message)
    {
    }

    public PlatformRefusalException(string message, Exception inner)
        : base(message, inner)
    {
        Code = "REFUSED";
    }

    public PlatformRefusalException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    public string Code { get; }

    /// <summary>True for a workspace that does not exist or that the user is not a member of (the two look alike).</summary>
    public bool IsNotFound => Code == NotFound;

    /// <summary>The platform's messages start in lower case (the API puts them after a status); shown alone they are sentences.</summary>
    public static string Sentence(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");
    }
}

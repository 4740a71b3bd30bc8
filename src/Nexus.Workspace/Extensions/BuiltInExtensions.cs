namespace Nexus.Workspace.Extensions;

/// <summary>The names of the extensions the workspace ships.</summary>
public static class BuiltInExtensions
{
    public const string Http = "nexus.http";
    public const string Fs = "nexus.fs";
    public const string Kv = "nexus.kv";

    /// <summary>Whether <paramref name="name"/> has the shape NXML requires of an extension name (§4.3).</summary>
    public static bool IsValidName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var segments = name.Split('.');
        return name.Length <= 128 && segments.All(s => s.Length > 0 && char.IsAsciiLetter(s[0]) && s.All(char.IsAsciiLetterOrDigit));
    }
}

namespace Nexus.Nxml.Checking;

/// <summary>The identifier and name rules of NXML (§2, §4.3).</summary>
public static class Identifiers
{
    public const int MaxLength = 64;

    /// <summary><c>^[A-Za-z_$][A-Za-z0-9_$]*$</c>, at most 64 characters.</summary>
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > MaxLength || !IsStart(name[0]))
        {
            return false;
        }

        foreach (var c in name[1..])
        {
            if (!IsPart(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An extension name: dot-separated segments of letters and digits, each starting with a letter.</summary>
    public static bool IsValidExtensionName(string name)
    {
        foreach (var segment in name.Split('.'))
        {
            if (segment.Length == 0 || !char.IsAsciiLetter(segment[0]) || !segment.All(char.IsAsciiLetterOrDigit))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsStart(char c) => char.IsAsciiLetter(c) || c == '_' || c == '$';

    public static bool IsPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$';
}

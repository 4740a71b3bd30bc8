using System.Globalization;
using System.Text;

namespace Nexus.Nxml.Parsing;

/// <summary>The five predefined XML entities and numeric character references; nothing else is ever expanded.</summary>
internal static class EntityDecoder
{
    /// <summary>
    /// Decodes the entity at the start of <paramref name="text"/> (which starts with '&amp;') into
    /// <paramref name="output"/> and returns how many characters it used; 0 when the '&amp;' does not
    /// start a known entity (it is then literal). A malformed character reference sets <paramref name="error"/>.
    /// </summary>
    public static int TryDecode(ReadOnlySpan<char> text, StringBuilder output, out string? error)
    {
        error = null;
        var semicolon = text[..Math.Min(text.Length, 12)].IndexOf(';');
        if (semicolon < 2)
        {
            return 0;
        }

        var name = text[1..semicolon];
        switch (name)
        {
            case "lt": output.Append('<'); return semicolon + 1;
            case "gt": output.Append('>'); return semicolon + 1;
            case "amp": output.Append('&'); return semicolon + 1;
            case "quot": output.Append('"'); return semicolon + 1;
            case "apos": output.Append('\''); return semicolon + 1;
        }

        if (name[0] != '#')
        {
            return 0;
        }

        var hex = name.Length > 1 && (name[1] == 'x' || name[1] == 'X');
        var digits = hex ? name[2..] : name[1..];
        var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        if (digits.IsEmpty || !int.TryParse(digits, style, CultureInfo.InvariantCulture, out var code))
        {
            error = $"malformed character reference '&{name};'";
            return semicolon + 1;
        }

        if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        {
            error = $"character reference '&{name};' does not name a valid character";
            return semicolon + 1;
        }

        output.Append(char.ConvertFromUtf32(code));
        return semicolon + 1;
    }
}

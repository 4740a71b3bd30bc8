using System.Buffers;
using System.Text;
using Nexus.Nxml.Parsing;

namespace Nexus.Nxml.Printing;

/// <summary>
/// Escapes attribute values and element text so that the NXML reader gives back exactly the same string,
/// while escaping as little as possible: NXML's lenient values keep <c>{$state.a &lt; 5 &amp;&amp; $state.ok}</c>
/// readable, so <c>&lt;</c>, <c>&gt;</c> and a bare <c>&amp;</c> stay literal in values.
/// </summary>
internal static class MarkupEscaper
{
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&\"\r");
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<\r");

    /// <summary>The longest replacement (<c>&amp;quot;</c>) has six characters.</summary>
    private const int MaxExpansion = 6;

    /// <summary>How far the reader's <see cref="EntityDecoder"/> looks for the ';' of an entity, the '&amp;' included.</summary>
    private const int EntityWindow = 12;

    /// <summary>An attribute value for a <c>"</c>-quoted attribute: <c>"</c>, carriage returns and entity-like <c>&amp;</c> are escaped.</summary>
    public static string AttributeValue(string value) => Escape(value, AttributeSpecials, '"', "&quot;");

    /// <summary>Element text: <c>&lt;</c>, carriage returns and entity-like <c>&amp;</c> are escaped.</summary>
    public static string Text(string value) => Escape(value, TextSpecials, '<', "&lt;");

    private static string Escape(string value, SearchValues<char> specials, char delimiter, string delimiterEntity)
    {
        if (!value.AsSpan().ContainsAny(specials))
        {
            return value;
        }

        // Built from the end: whether the reader decodes an '&' depends on the printed text after it
        // (EntityDecoder looks a few characters ahead for the ';'), so that text must be known first.
        var buffer = new char[value.Length * MaxExpansion];
        var start = buffer.Length;
        var scratch = new StringBuilder();
        for (var i = value.Length - 1; i >= 0; i--)
        {
            var c = value[i];
            var replacement = c switch
            {
                '&' when WouldDecode(buffer.AsSpan(start), scratch) => "&amp;",
                '\r' => "&#13;",
                _ when c == delimiter => delimiterEntity,
                _ => null,
            };

            if (replacement is null)
            {
                buffer[--start] = c;
            }
            else
            {
                start -= replacement.Length;
                replacement.CopyTo(buffer.AsSpan(start));
            }
        }

        return new string(buffer, start, buffer.Length - start);
    }

    /// <summary>Whether a literal '&amp;' followed by <paramref name="printedRest"/> would be read as an entity (or a bad character reference).</summary>
    private static bool WouldDecode(ReadOnlySpan<char> printedRest, StringBuilder scratch)
    {
        Span<char> lookahead = stackalloc char[EntityWindow];
        lookahead[0] = '&';
        var length = 1 + Math.Min(printedRest.Length, lookahead.Length - 1);
        printedRest[..(length - 1)].CopyTo(lookahead[1..]);
        scratch.Clear();
        return EntityDecoder.TryDecode(lookahead[..length], scratch, out _) > 0;
    }
}

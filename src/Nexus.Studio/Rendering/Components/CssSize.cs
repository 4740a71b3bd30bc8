using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Nexus.Studio.Rendering.Components;

/// <summary>Sizes panels give (<c>height="300"</c>, <c>"300px"</c>, <c>"40vh"</c>): a number is pixels; anything that is not a plain CSS length is ignored.</summary>
internal static partial class CssSize
{
    public static string? Of(JsonNode? value)
    {
        if (PropValues.AsNumber(value) is { } pixels)
        {
            return pixels > 0 ? pixels.ToString("0.##", CultureInfo.InvariantCulture) + "px" : null;
        }

        // Only a number with a unit: the value lands in a style attribute and must not carry other declarations.
        return value is JsonValue text && text.TryGetValue<string>(out var css) && Length().IsMatch(css.Trim()) ? css.Trim() : null;
    }

    [GeneratedRegex(@"^\d{1,5}(\.\d{1,3})?(px|rem|em|vh|%)$")]
    private static partial Regex Length();
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Nexus.Studio.Rendering.Components;

/// <summary>The JSON value a form control writes through its binding; the runtime checks it against the state's type.</summary>
internal static class BoundValue
{
    /// <summary>
    /// A number field writes a number when its text is one; any other text is written as typed, so that a number
    /// state refuses it with the runtime's own TYPE_MISMATCH instead of a rule of the renderer's.
    /// </summary>
    public static JsonNode FromInput(string inputType, string text) =>
        inputType == "number" && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? JsonValue.Create(number)
            : JsonValue.Create(text);
}

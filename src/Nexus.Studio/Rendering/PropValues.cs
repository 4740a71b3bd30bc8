using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nexus.Nxml.Checking;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;
using Nexus.Studio.Rendering.Session;

namespace Nexus.Studio.Rendering;

/// <summary>
/// The evaluated props of one view element in one scope: bindings, interpolations and literals as the runtime
/// evaluates them, the element text, and the transient <c>$view</c> props a handler set (which win). Names and
/// thunks (<c>args</c>, <c>payload</c>) are not evaluated here: a thunk runs only when the user acts.
/// </summary>
public sealed class PropValues
{
    public static readonly PropValues Empty = new(new Dictionary<string, JsonNode?>(StringComparer.Ordinal), null);

    private readonly Dictionary<string, JsonNode?> _values;

    private PropValues(Dictionary<string, JsonNode?> values, string? text)
    {
        _values = values;
        Text = text;
    }

    /// <summary>The element text (Text, Button, Action), interpolated; null when the element has none.</summary>
    public string? Text { get; }

    public JsonNode? this[string name] => _values.GetValueOrDefault(name);

    public static async Task<PropValues> EvaluateAsync(IPanelSession session, ComponentNode node, ViewScope scope)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(node);
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var attribute in node.Attributes)
        {
            if (!ComponentCatalog.NameProps.Contains(attribute.Name) && !ComponentCatalog.ExpressionProps.Contains(attribute.Name))
            {
                values[attribute.Name] = await session.EvaluateAsync(node, attribute.Name, scope).ConfigureAwait(true);
            }
        }

        var text = node.Text is null ? null : await session.EvaluateTextAsync(node, scope).ConfigureAwait(true);
        if (node.Prop("id") is { } id)
        {
            foreach (var (name, value) in session.TransientProps(id))
            {
                values[name] = value;
            }
        }

        return new PropValues(values, text);
    }

    /// <summary>A prop as text (as an interpolation shows it), or null when it is absent or null.</summary>
    public string? String(string name) => this[name] is { } value ? ViewValues.Display(value) : null;

    /// <summary>A text prop that may also come from the element text (<c>content</c>, <c>label</c>).</summary>
    public string Content(string name) => String(name) ?? Text ?? string.Empty;

    /// <summary>An enumerated prop: its value, or <paramref name="fallback"/> when absent (a binding outside the enum reads as null).</summary>
    public string Choice(string name, string fallback) => String(name)?.Trim() is { Length: > 0 } value ? value : fallback;

    /// <summary>A boolean prop: a boolean, the literal text <c>true</c>/<c>false</c>, else JavaScript truthiness.</summary>
    public bool Flag(string name, bool fallback)
    {
        var value = this[name];
        if (value is null)
        {
            return fallback;
        }

        if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String && bool.TryParse(text.GetValue<string>().Trim(), out var parsed))
        {
            return parsed;
        }

        return ViewValues.IsTruthy(value);
    }

    /// <summary>A number prop, also from numeric text; null when absent or not a number.</summary>
    public double? Number(string name) => AsNumber(this[name]);

    public JsonArray? List(string name) => this[name] as JsonArray;

    /// <summary>The CSS classes a panel passes through with <c>className</c> (only classes: no inline styles).</summary>
    public string? ClassName => String("className");

    /// <summary>A JSON value as a finite number: numbers, and text holding one.</summary>
    public static double? AsNumber(JsonNode? value)
    {
        if (ViewValues.TryNumber(value, out var number))
        {
            return number;
        }

        if (value is not JsonValue json || !json.TryGetValue<string>(out var text)
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return null;
        }

        return double.IsFinite(number) ? number : null;
    }
}

using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nexus.Nxml.Checking;

namespace Nexus.Nxml.Json;

/// <summary>Writer settings and the typed-default conversions shared by the JSON AST and the tool schemas.</summary>
internal static class JsonText
{
    /// <summary>
    /// The JSON AST is read by programs and put into AI prompts, never into HTML, so handler code keeps its
    /// <c>&lt;</c>, <c>&amp;&amp;</c> and non-ASCII text instead of <c>\u003C</c> escapes.
    /// </summary>
    public static JsonWriterOptions WriterOptions(bool indented) => new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = indented,
        MaxDepth = NxmlJsonContext.Default.Options.MaxDepth,
    };

    /// <summary>The element as compact JSON text (the form a <c>default</c> attribute of a list or object takes).</summary>
    public static string Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(indented: false)))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A <c>default</c> attribute as JSON: the typed value when it parses for the type, else the text as written.</summary>
    public static JsonElement? TypedDefault(string? type, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return type is not null && ValueTypes.IsKnown(type) && ValueTypes.TryParseDefault(type, text, out var value, out _)
            ? value
            : JsonSerializer.SerializeToElement(text, NxmlJsonContext.Default.String);
    }

    /// <summary>
    /// The attribute text for a JSON <c>default</c>: a string as is, a number in its shortest round-trip
    /// invariant form (<c>1000</c>), <c>true</c>/<c>false</c>, a list or object as compact JSON; null for JSON null.
    /// </summary>
    public static string? DefaultText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => Compact(value),
    };
}

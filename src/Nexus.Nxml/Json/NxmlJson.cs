using System.Buffers;
using System.Text;
using System.Text.Json;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Json;

/// <summary>
/// The JSON AST of §8, both ways: <see cref="Serialize(PanelNode, NxmlJsonOptions?)"/> writes a panel as the
/// interchange JSON, <see cref="Deserialize(string)"/> reads it back into a syntax tree.
/// </summary>
/// <remarks>
/// Additions to the shape of §8, all optional when reading:
/// <list type="bullet">
/// <item><c>logic.handlers</c>: the named Logic-level handlers (<c>{ kind: "Handler", name, code, isAsync }</c>).</item>
/// <item><c>handlerRef</c> on a Tool or Lifecycle: its <c>handler="h"</c> attribute (the inline one is <c>handler</c>).</item>
/// <item><c>comments</c> (before the element), <c>endComments</c> (before its closing tag) on any node and
/// <c>trailingComments</c> (after the root) on the panel, each omitted when empty, so JSON keeps comments.</item>
/// <item><c>implicit: true</c> on the Layout that wraps several top-level view elements.</item>
/// </list>
/// Lists of nodes (<c>states</c>, <c>args</c>, <c>children</c>, ...) are always written, possibly empty;
/// <c>capabilities</c> is absent when none are declared and <c>[]</c> when declared empty. A <c>default</c>
/// is the typed value when it parses for its type, else the text as written. Reading accepts missing
/// lists (empty) and ignores <c>loc</c> and unknown properties; everything else wrong is an
/// <see cref="NxmlJsonException"/> naming the JSON path.
/// </remarks>
public static class NxmlJson
{
    /// <summary>The panel as JSON AST records, for hosts that embed them in a larger JSON document.</summary>
    public static PanelJson ToJson(PanelNode panel, bool includeLocations = true)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return new JsonAstWriter(includeLocations).Panel(panel);
    }

    /// <summary>The syntax tree of JSON AST records; throws <see cref="NxmlJsonException"/> when their shape is wrong.</summary>
    public static PanelNode FromJson(PanelJson? json) => JsonAstReader.Panel(json);

    public static string Serialize(PanelNode panel, NxmlJsonOptions? options = null) =>
        Encoding.UTF8.GetString(Write(panel, options).WrittenSpan);

    public static byte[] SerializeToUtf8Bytes(PanelNode panel, NxmlJsonOptions? options = null) =>
        Write(panel, options).WrittenSpan.ToArray();

    /// <summary>Reads a panel from its JSON AST; throws <see cref="NxmlJsonException"/> for anything that is not one.</summary>
    public static PanelNode Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(() => JsonSerializer.Deserialize(json, NxmlJsonContext.Default.PanelJson));
    }

    /// <summary>Reads a panel from its JSON AST as UTF-8 bytes; throws <see cref="NxmlJsonException"/> for anything that is not one.</summary>
    public static PanelNode Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        PanelJson? json;
        try
        {
            json = JsonSerializer.Deserialize(utf8Json, NxmlJsonContext.Default.PanelJson);
        }
        catch (JsonException ex)
        {
            throw JsonErrors.From(ex);
        }

        return FromJson(json);
    }

    private static ArrayBufferWriter<byte> Write(PanelNode panel, NxmlJsonOptions? options)
    {
        options ??= NxmlJsonOptions.Default;
        var json = ToJson(panel, options.IncludeLocations);
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, JsonText.WriterOptions(options.Indented));
        JsonSerializer.Serialize(writer, json, NxmlJsonContext.Default.PanelJson);
        writer.Flush();
        return buffer;
    }

    private static PanelNode Read(Func<PanelJson?> deserialize)
    {
        PanelJson? json;
        try
        {
            json = deserialize();
        }
        catch (JsonException ex)
        {
            throw JsonErrors.From(ex);
        }

        return FromJson(json);
    }
}

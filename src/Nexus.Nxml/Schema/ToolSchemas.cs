using System.Buffers;
using System.Text.Json;
using Nexus.Nxml.Checking;
using Nexus.Nxml.Json;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Schema;

/// <summary>
/// JSON Schemas (draft 2020-12) of a panel's tools and state (§10). A tool's <c>inputSchema</c> is
/// <c>{ "$schema", "type": "object", "properties": { arg: { type, description?, default? } }, "required"?,
/// "additionalProperties": false }</c>. <c>required</c> is omitted when no Arg is required (an empty
/// array says nothing, and older validators reject it). A <c>default</c> is the typed value and is only
/// written when it parses for the Arg's type; an Arg of an unknown type gets no <c>type</c> (the checker
/// reports it). Only the first of two Args with one name is described (the checker reports the second).
/// </summary>
public static class ToolSchemas
{
    public const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The JSON Schema type of an NXML type (§2), or null for an unknown one.</summary>
    public static string? JsonSchemaType(string? type) => type switch
    {
        ValueTypes.String => "string",
        ValueTypes.Number => "number",
        ValueTypes.Boolean => "boolean",
        ValueTypes.List => "array",
        ValueTypes.Object => "object",
        _ => null,
    };

    /// <summary>Every named tool of the panel as an MCP tool, in declaration order.</summary>
    public static IReadOnlyList<ToolDescription> Describe(PanelNode panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return [.. panel.Tools.Where(t => t.Name is not null).Select(t => new ToolDescription(t.Name!, t.Description, InputSchema(t)))];
    }

    /// <summary>The JSON Schema of the arguments object a tool takes.</summary>
    public static JsonElement InputSchema(ToolNode tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return Build(writer =>
        {
            var described = new List<ArgNode>();
            writer.WriteStartObject("properties");
            foreach (var arg in tool.Args)
            {
                if (arg.Name is null || described.Exists(a => a.Name == arg.Name))
                {
                    continue;
                }

                described.Add(arg);
                writer.WriteStartObject(arg.Name);
                WriteType(writer, arg.Type);
                if (arg.Description is not null)
                {
                    writer.WriteString("description", arg.Description);
                }

                WriteDefault(writer, arg.Type, arg.Default);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            WriteRequired(writer, described.Where(a => a.IsRequired).Select(a => a.Name!));
        });
    }

    /// <summary>
    /// The JSON Schema of the panel's state resource (§10): each State with its type and default, required;
    /// each Computed present but read-only and untyped (its type is whatever its expression yields).
    /// </summary>
    public static JsonElement StateResourceSchema(PanelNode panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return Build(writer =>
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var states = new List<string>();
            writer.WriteStartObject("properties");
            foreach (var state in panel.States)
            {
                if (state.Name is not null && names.Add(state.Name))
                {
                    states.Add(state.Name);
                    writer.WriteStartObject(state.Name);
                    WriteType(writer, state.Type);
                    WriteDefault(writer, state.Type, state.Default);
                    writer.WriteEndObject();
                }
            }

            foreach (var computed in panel.Computeds)
            {
                if (computed.Name is not null && names.Add(computed.Name))
                {
                    writer.WriteStartObject(computed.Name);
                    writer.WriteBoolean("readOnly", true);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndObject();
            WriteRequired(writer, states);
        });
    }

    /// <summary>An object schema: <c>$schema</c> and <c>type</c>, the body, then <c>additionalProperties: false</c>.</summary>
    private static JsonElement Build(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonText.WriterOptions(indented: false)))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", Draft202012);
            writer.WriteString("type", "object");
            body(writer);
            writer.WriteBoolean("additionalProperties", false);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static void WriteType(Utf8JsonWriter writer, string? type)
    {
        if (JsonSchemaType(type) is { } schemaType)
        {
            writer.WriteString("type", schemaType);
        }
    }

    /// <summary>The typed default, only when it parses for the type: a schema must not advertise a value it rejects.</summary>
    private static void WriteDefault(Utf8JsonWriter writer, string? type, string? text)
    {
        if (text is not null && ValueTypes.IsKnown(type) && ValueTypes.TryParseDefault(type!, text, out var value, out _))
        {
            writer.WritePropertyName("default");
            value.WriteTo(writer);
        }
    }

    private static void WriteRequired(Utf8JsonWriter writer, IEnumerable<string> names)
    {
        var required = names.ToList();
        if (required.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("required");
        foreach (var name in required)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    }
}

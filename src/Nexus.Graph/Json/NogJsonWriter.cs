using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Nexus.Graph.Json;

/// <summary>
/// Writes the canonical, diff-friendly NOG JSON: two-space indentation, <c>\n</c> line ends and a final one;
/// entities and relationships sorted by id, each one object with its fields in a fixed order (absent optional
/// fields left out); object keys inside properties sorted ordinally at every depth; timestamps in UTC,
/// round-trip format. Non-ASCII text is written as is (the file is UTF-8, not HTML).
/// </summary>
internal static class NogJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(NogDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("entities");
            foreach (var entity in document.Entities.OrderBy(static e => e.Id, StringComparer.Ordinal))
            {
                WriteEntity(writer, entity);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("relationships");
            foreach (var relationship in document.Relationships.OrderBy(static r => r.Id, StringComparer.Ordinal))
            {
                WriteRelationship(writer, relationship);
            }

            writer.WriteEndArray();
            if (document.ViewHints.Count > 0)
            {
                writer.WriteStartObject("views");
                foreach (var (entityId, hint) in document.ViewHints)
                {
                    writer.WritePropertyName(entityId);
                    WriteProperties(writer, hint);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    internal static void WriteEntity(Utf8JsonWriter writer, NogEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("id", entity.Id);
        writer.WriteString("name", entity.Name);
        writer.WriteString("category", NogNames.Of(entity.Category));
        writer.WriteString("status", NogNames.Of(entity.Status));
        WriteOptional(writer, "description", entity.Description);
        WriteOptional(writer, "sourcePanel", entity.SourcePanel);
        if (!entity.Tags.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("tags");
            foreach (var tag in entity.Tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
        }

        WriteOptionalProperties(writer, entity.Properties);
        WriteTimestamp(writer, "createdAt", entity.CreatedAt);
        WriteTimestamp(writer, "updatedAt", entity.UpdatedAt);
        writer.WriteNumber("version", entity.Version);
        writer.WriteEndObject();
    }

    internal static void WriteRelationship(Utf8JsonWriter writer, NogRelationship relationship)
    {
        writer.WriteStartObject();
        writer.WriteString("id", relationship.Id);
        writer.WriteString("from", relationship.From);
        writer.WriteString("to", relationship.To);
        writer.WriteString("type", NogNames.Of(relationship.Type));
        WriteOptional(writer, "label", relationship.Label);
        writer.WriteStartObject("meta");
        writer.WriteNumber("strength", relationship.Meta.Strength);
        writer.WriteNumber("confidence", relationship.Meta.Confidence);
        writer.WriteString("source", NogNames.Of(relationship.Meta.Source));
        WriteOptional(writer, "notes", relationship.Meta.Notes);
        writer.WriteEndObject();
        WriteOptionalProperties(writer, relationship.Properties);
        WriteTimestamp(writer, "createdAt", relationship.CreatedAt);
        WriteTimestamp(writer, "updatedAt", relationship.UpdatedAt);
        writer.WriteEndObject();
    }

    internal static void WriteProperties(Utf8JsonWriter writer, NogProperties properties)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in properties)
        {
            writer.WritePropertyName(key);
            WriteSorted(writer, value);
        }

        writer.WriteEndObject();
    }

    internal static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteOptionalProperties(Utf8JsonWriter writer, NogProperties properties)
    {
        if (properties.Count > 0)
        {
            writer.WritePropertyName("properties");
            WriteProperties(writer, properties);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, Timestamp(time));
        }
    }

    /// <summary>Any JSON value with the keys of every object sorted, so equal values always print the same.</summary>
    private static void WriteSorted(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().OrderBy(static p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteSorted(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteSorted(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                // Numbers keep their text (no double rounding); strings are re-escaped the writer's way.
                value.WriteTo(writer);
                break;
        }
    }
}

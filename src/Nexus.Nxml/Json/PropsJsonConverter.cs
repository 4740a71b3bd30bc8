using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Nxml.Json;

/// <summary>
/// Reads and writes a component's props as a JSON object of strings while keeping their order (a dictionary
/// would not promise it) and refusing what an NXML element cannot hold: a repeated name or a value that is
/// not text (props keep their source text, so <c>"6"</c>, not <c>6</c>).
/// </summary>
internal sealed class PropsJsonConverter : JsonConverter<IReadOnlyList<KeyValuePair<string, string>>>
{
    public override IReadOnlyList<KeyValuePair<string, string>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"props must be an object of strings, not {Describe(reader.TokenType)}");
        }

        var props = new List<KeyValuePair<string, string>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"prop '{name}' must be a string (props keep their source text), not {Describe(reader.TokenType)}");
            }

            if (!names.Add(name))
            {
                throw new JsonException($"prop '{name}' appears more than once; an element has each attribute once");
            }

            props.Add(new(name, reader.GetString()!));
        }

        return props;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, string>> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, text) in value)
        {
            writer.WriteString(name, text);
        }

        writer.WriteEndObject();
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Nxml.Json;

/// <summary>
/// Reads and writes a component subtree with an explicit stack instead of recursion. The generated
/// System.Text.Json converters recurse with large frames once per JSON level; at the nesting the parser
/// allows (1024 elements, two JSON levels each) that overflows a 1 MiB thread stack and ends the process,
/// which JSON from outside must never be able to do. Nesting stays bounded by the reader's MaxDepth.
/// </summary>
internal sealed partial class ComponentJsonConverter : JsonConverter<ComponentJson>
{
    /// <summary>The key of <see cref="Exception.Data"/> that holds the path of an error below the component being read.</summary>
    internal const string RelativePathKey = "Nexus.Nxml.RelativeJsonPath";

    public override ComponentJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var open = new List<Frame>();
        var current = new Frame(-1);
        Expect(reader.TokenType == JsonTokenType.StartObject, open, current, null, "a component must be an object", reader.TokenType);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when !current.InChildren:
                    var name = reader.GetString()!;
                    if (!current.FirstTime(name))
                    {
                        // As AllowDuplicateProperties = false does for every other node.
                        throw Error(open, current, name, $"duplicate property '{name}'");
                    }

                    reader.Read();
                    if (name == "children" && reader.TokenType == JsonTokenType.StartArray)
                    {
                        current.Children = [];
                        current.InChildren = true;
                    }
                    else
                    {
                        ReadProperty(ref reader, open, current, name);
                    }

                    break;
                case JsonTokenType.StartObject when current.InChildren:
                    open.Add(current);
                    current = new Frame(current.Children!.Count);
                    break;
                case JsonTokenType.Null when current.InChildren:
                    current.Children!.Add(null);
                    break;
                case JsonTokenType.EndArray when current.InChildren:
                    current.InChildren = false;
                    break;
                case JsonTokenType.EndObject when !current.InChildren:
                    var done = current.Build();
                    if (open.Count == 0)
                    {
                        return done;
                    }

                    current = open[^1];
                    open.RemoveAt(open.Count - 1);
                    current.Children!.Add(done);
                    break;
                default:
                    throw Error(open, current, "children", $"children must be component objects, not {Describe(reader.TokenType)}");
            }
        }

        throw Error(open, current, null, "the component is not complete");
    }

    private static void ReadProperty(ref Utf8JsonReader reader, List<Frame> open, Frame current, string name)
    {
        var token = reader.TokenType;
        switch (name)
        {
            case "type":
                current.Type = ReadString(ref reader, open, current, name);
                break;
            case "text":
                current.Text = ReadString(ref reader, open, current, name);
                break;
            case "implicit":
                Expect(token is JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null, open, current, name, "implicit must be true or false", token);
                current.Implicit = token == JsonTokenType.Null ? null : reader.GetBoolean();
                break;
            case "children":
                Expect(token == JsonTokenType.Null, open, current, name, "children must be an array", token);
                break;
            case "props":
                current.Props = token == JsonTokenType.Null ? null : ReadProps(ref reader, open, current);
                break;
            case "layout":
                var layout = ReadInts(ref reader, open, current, name, "colSpan", "newRow");
                current.Layout = layout is null ? null : new LayoutJson(layout[0], layout[1] != 0);
                break;
            case "loc":
                var loc = ReadInts(ref reader, open, current, name, "startLine", "startColumn", "endLine", "endColumn");
                current.Loc = loc is null ? null : new LocationJson(loc[0], loc[1], loc[2], loc[3]);
                break;
            case "comments":
                current.Comments = ReadStrings(ref reader, open, current, name);
                break;
            case "endComments":
                current.EndComments = ReadStrings(ref reader, open, current, name);
                break;
            default:
                // Unknown properties are ignored, as on every other node.
                Skip(ref reader, open, current, name);
                break;
        }
    }

    /// <summary>Skips a value; System.Text.Json hands a custom converter the whole value, so this only fails on truncated input.</summary>
    private static void Skip(ref Utf8JsonReader reader, List<Frame> open, Frame current, string name)
    {
        if (!reader.TrySkip())
        {
            throw Error(open, current, name, "the value is not complete");
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, List<Frame> open, Frame current, string name)
    {
        Expect(reader.TokenType is JsonTokenType.String or JsonTokenType.Null, open, current, name, $"{name} must be a string", reader.TokenType);
        return reader.GetString();
    }

    /// <summary>Props as ordered name/value pairs, refusing what an element cannot hold: a repeated name or a value that is not text.</summary>
    private static List<KeyValuePair<string, string>> ReadProps(ref Utf8JsonReader reader, List<Frame> open, Frame current)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject, open, current, "props", "props must be an object of strings", reader.TokenType);
        var props = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            Expect(reader.TokenType == JsonTokenType.String, open, current, "props." + name, $"prop '{name}' must be a string (props keep their source text)", reader.TokenType);
            if (props.Exists(p => p.Key == name))
            {
                throw Error(open, current, "props." + name, $"prop '{name}' appears more than once; an element has each attribute once");
            }

            props.Add(new(name, reader.GetString()!));
        }

        return props;
    }

    /// <summary>An object of integer or boolean fields (booleans as 0/1), in the order named; null for JSON null.</summary>
    private static int[]? ReadInts(ref Utf8JsonReader reader, List<Frame> open, Frame current, string name, params string[] fields)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(reader.TokenType == JsonTokenType.StartObject, open, current, name, $"{name} must be an object", reader.TokenType);
        var values = new int[fields.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = Array.IndexOf(fields, reader.GetString());
            reader.Read();
            if (index < 0)
            {
                Skip(ref reader, open, current, name);
                continue;
            }

            var field = fields[index];
            var isBoolean = field == "newRow";
            var ok = isBoolean ? reader.TokenType is JsonTokenType.True or JsonTokenType.False : reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out values[index]);
            Expect(ok, open, current, $"{name}.{field}", $"{field} must be {(isBoolean ? "true or false" : "an integer")}", reader.TokenType);
            values[index] = isBoolean ? (reader.GetBoolean() ? 1 : 0) : values[index];
        }

        return values;
    }

    private static List<string?>? ReadStrings(ref Utf8JsonReader reader, List<Frame> open, Frame current, string name)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(reader.TokenType == JsonTokenType.StartArray, open, current, name, $"{name} must be an array of strings", reader.TokenType);
        var strings = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            strings.Add(ReadString(ref reader, open, current, $"{name}[{strings.Count}]"));
        }

        return strings;
    }

    private static void Expect(bool condition, List<Frame> open, Frame current, string? property, string problem, JsonTokenType found)
    {
        if (!condition)
        {
            throw Error(open, current, property, $"{problem}, not {Describe(found)}");
        }
    }

    /// <summary>An error whose path below the component being read travels in <see cref="Exception.Data"/>; System.Text.Json adds the rest.</summary>
    private static JsonException Error(List<Frame> open, Frame current, string? property, string problem)
    {
        var path = new StringBuilder();
        foreach (var frame in open.Append(current).Where(f => f.Index >= 0))
        {
            path.Append(".children[").Append(frame.Index).Append(']');
        }

        if (property is not null)
        {
            path.Append('.').Append(property);
        }

        var error = new JsonException(problem);
        error.Data[RelativePathKey] = path.ToString();
        return error;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>A component being read: its fields so far and, while inside its <c>children</c> array, the children read.</summary>
    private sealed class Frame(int index)
    {
        private static readonly string[] KnownProperties = ["type", "props", "children", "text", "layout", "implicit", "loc", "comments", "endComments"];

        /// <summary>The position in the parent's children; -1 for the component the converter was called on.</summary>
        public int Index { get; } = index;

        public bool InChildren { get; set; }

        /// <summary>The properties of the component read so far; only known ones are tracked, the others are ignored anyway.</summary>
        private int _seen;

        public string? Type { get; set; }

        public List<KeyValuePair<string, string>>? Props { get; set; }

        public List<ComponentJson?>? Children { get; set; }

        public string? Text { get; set; }

        public LayoutJson? Layout { get; set; }

        public bool? Implicit { get; set; }

        public LocationJson? Loc { get; set; }

        public List<string?>? Comments { get; set; }

        public List<string?>? EndComments { get; set; }

        /// <summary>True the first time a known property is met.</summary>
        public bool FirstTime(string name)
        {
            var index = Array.IndexOf(KnownProperties, name);
            if (index < 0)
            {
                return true;
            }

            var seen = (_seen & (1 << index)) != 0;
            _seen |= 1 << index;
            return !seen;
        }

        public ComponentJson Build() => new()
        {
            Type = Type,
            Props = Props,
            Children = Children,
            Text = Text,
            Layout = Layout,
            Implicit = Implicit,
            Loc = Loc,
            Comments = Comments,
            EndComments = EndComments,
        };
    }
}

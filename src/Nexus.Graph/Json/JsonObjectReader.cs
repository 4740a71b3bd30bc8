using System.Globalization;
using System.Text.Json;

namespace Nexus.Graph.Json;

/// <summary>
/// Reads the fields of one JSON object of NOG JSON, naming the JSON path in every error
/// (<c>$.entities[3].category: ...</c>). Unknown fields are errors: a misspelt field must not silently become
/// a default.
/// </summary>
internal readonly struct JsonObjectReader
{
    private readonly JsonElement _element;

    public JsonObjectReader(JsonElement element, string path, params string[] allowed)
    {
        Path = path;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, $"expected an object, found {Describe(element)}");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (System.Array.IndexOf(allowed, property.Name) < 0)
            {
                throw Error(path, $"unknown field '{property.Name}' (allowed: {string.Join(", ", allowed)})");
            }
        }

        _element = element;
    }

    public string Path { get; }

    public static GraphException Error(string path, string message) => new(GraphErrorCodes.InvalidJson, $"{path}: {message}");

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    public bool Has(string name) => _element.TryGetProperty(name, out _);

    public JsonElement Get(string name) =>
        _element.TryGetProperty(name, out var value) ? value : throw Error(Path, $"missing field '{name}'");

    public string String(string name) => OptionalString(name) ?? throw Error(Path, $"missing field '{name}'");

    public string? OptionalString(string name)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Error($"{Path}.{name}", $"expected a string, found {Describe(value)}");
    }

    public T Enum<T>(string name, T fallback)
        where T : struct, Enum
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return fallback;
        }

        return NogNames.TryParse<T>(text, out var value)
            ? value
            : throw Error($"{Path}.{name}", $"'{text}' is not one of {string.Join(", ", NogNames.All<T>())}");
    }

    public double? Number(string name)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Error($"{Path}.{name}", $"expected a finite number, found {Describe(value)}");
    }

    public long? Integer(string name)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw Error($"{Path}.{name}", $"expected an integer, found {Describe(value)}");
    }

    public DateTimeOffset? Timestamp(string name)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time.ToUniversalTime()
            : throw Error($"{Path}.{name}", $"'{text}' is not an ISO 8601 timestamp");
    }

    public IEnumerable<(JsonElement Item, string Path)> Array(string name)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error($"{Path}.{name}", $"expected an array, found {Describe(value)}");
        }

        var path = $"{Path}.{name}";
        return value.EnumerateArray().Select((item, index) => (item, $"{path}[{index}]"));
    }

    public NogProperties Properties(string name)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return NogProperties.Empty;
        }

        return value.ValueKind == JsonValueKind.Object
            ? NogProperties.From(value)
            : throw Error($"{Path}.{name}", $"expected an object, found {Describe(value)}");
    }
}

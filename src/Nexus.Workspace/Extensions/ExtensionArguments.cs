using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nexus.Reactor.Extensions;

namespace Nexus.Workspace.Extensions;

/// <summary>
/// The positional JSON arguments of one call, read with checks whose errors name the argument
/// (<c>argument 2 (text) must be a string</c>). Messages do not repeat the method: the panel's runtime reports
/// a failure as <c>nexus.fs.write failed: ...</c>.
/// </summary>
internal readonly struct ExtensionArguments
{
    private readonly ExtensionCall _call;

    public ExtensionArguments(ExtensionCall call, params string[] names)
    {
        _call = call;
        var last = call.Arguments.Count - 1;
        while (last >= 0 && call.Arguments[last] is null)
        {
            last--;
        }

        if (last >= names.Length)
        {
            throw Error($"takes at most {names.Length} argument{(names.Length == 1 ? "" : "s")} ({string.Join(", ", names)}), got {last + 1}");
        }
    }

    /// <summary>The argument at <paramref name="index"/>, or null when it is absent, <c>null</c> or <c>undefined</c>.</summary>
    public JsonNode? Optional(int index) => index < _call.Arguments.Count ? _call.Arguments[index] : null;

    public string RequiredString(int index, string name) =>
        OptionalString(index, name) ?? throw Error($"argument {index + 1} ({name}) is required");

    public string? OptionalString(int index, string name) => Optional(index) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw Error($"argument {index + 1} ({name}) must be a string"),
    };

    public double? OptionalNumber(int index, string name) => Optional(index) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
        _ => throw Error($"argument {index + 1} ({name}) must be a number"),
    };

    /// <summary>An object whose every value is a string (headers).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OptionalStringMap(int index, string name)
    {
        if (Optional(index) is not { } node)
        {
            return [];
        }

        if (node is not JsonObject map)
        {
            throw Error($"argument {index + 1} ({name}) must be an object of strings");
        }

        var pairs = new List<KeyValuePair<string, string>>(map.Count);
        foreach (var (key, value) in map)
        {
            if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
            {
                throw Error($"argument {index + 1} ({name}): the value of '{key}' must be a string");
            }

            pairs.Add(new(key, text.GetValue<string>()));
        }

        return pairs;
    }

    public static ExtensionException Error(string problem) => new(problem);
}

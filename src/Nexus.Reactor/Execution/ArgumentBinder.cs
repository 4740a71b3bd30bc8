using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nexus.Nxml.Checking;
using Nexus.Reactor.Program;

namespace Nexus.Reactor.Execution;

/// <summary>
/// Validates a tool's arguments (§5 "Arguments"): an object by Arg name or an array by position; unknown
/// names, extra positions, missing required Args and values that cannot be coerced to their type are
/// <c>INVALID_ARGS</c>. Coercions: <c>"3"</c> → 3 for a number, <c>"true"</c> → true for a boolean, numbers and
/// booleans → their text for a string. Absent optional Args take their default, or stay absent.
/// </summary>
internal static class ArgumentBinder
{
    /// <summary>The bound arguments of a call without any (never changed: callers only read it).</summary>
    private static readonly JsonObject NoArguments = [];

    public static bool TryBind(IReadOnlyList<ArgSpec> specs, JsonNode? args, string tool, out JsonObject bound, out string? error)
    {
        error = null;
        if (args is null && specs.Count == 0)
        {
            bound = NoArguments;
            return true;
        }

        bound = new JsonObject();
        var given = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        switch (args)
        {
            case null:
                break;
            case JsonObject named:
                foreach (var (name, value) in named)
                {
                    if (!specs.Any(s => s.Name == name))
                    {
                        error = $"tool '{tool}' has no argument '{name}' (it takes: {Describe(specs)})";
                        return false;
                    }

                    given[name] = value;
                }

                break;
            case JsonArray positional:
                if (positional.Count > specs.Count)
                {
                    error = $"tool '{tool}' takes {specs.Count} argument(s), {positional.Count} were given";
                    return false;
                }

                for (var i = 0; i < positional.Count; i++)
                {
                    given[specs[i].Name] = positional[i];
                }

                break;
            default:
                error = $"the arguments of tool '{tool}' must be an object (by name) or an array (by position)";
                return false;
        }

        foreach (var spec in specs)
        {
            if (given.TryGetValue(spec.Name, out var value) && value is not null)
            {
                if (!TryCoerce(spec.Type, value, out var coerced))
                {
                    error = $"argument '{spec.Name}' of tool '{tool}' must be a {spec.Type}, not {Show(value)}";
                    return false;
                }

                bound[spec.Name] = coerced;
            }
            else if (spec.Default is { } defaultValue)
            {
                bound[spec.Name] = JsonSerializer.SerializeToNode(defaultValue, JsonContext.Default.JsonElement);
            }
            else if (spec.Required)
            {
                error = $"tool '{tool}' needs argument '{spec.Name}' ({spec.Type})";
                return false;
            }
        }

        return true;
    }

    private static bool TryCoerce(string type, JsonNode value, out JsonNode? coerced)
    {
        coerced = null;
        var kind = value.GetValueKind();
        switch (type)
        {
            case ValueTypes.Number when kind == JsonValueKind.Number:
            case ValueTypes.String when kind == JsonValueKind.String:
            case ValueTypes.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
            case ValueTypes.List when kind == JsonValueKind.Array:
            case ValueTypes.Object when kind == JsonValueKind.Object:
                coerced = value.DeepClone();
                return true;
            case ValueTypes.Number when kind == JsonValueKind.String && ValueTypes.TryParseNumber(value.GetValue<string>(), out var number):
                coerced = JsonValue.Create(number);
                return true;
            case ValueTypes.Boolean when kind == JsonValueKind.String && value.GetValue<string>().Trim() is "true" or "false":
                coerced = JsonValue.Create(value.GetValue<string>().Trim() == "true");
                return true;
            case ValueTypes.String when kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                coerced = JsonValue.Create(kind == JsonValueKind.Number
                    ? value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture)
                    : kind == JsonValueKind.True ? "true" : "false");
                return true;
            default:
                return false;
        }
    }

    private static string Describe(IReadOnlyList<ArgSpec> specs) =>
        specs.Count == 0 ? "no arguments" : string.Join(", ", specs.Select(s => s.Name));

    private static string Show(JsonNode value)
    {
        var text = value.ToJsonString();
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}

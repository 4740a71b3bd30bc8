using System.Text.Json;
using System.Text.Json.Nodes;
using Nexus.Reactor.Expressions;

namespace Nexus.Reactor;

/// <summary>How a renderer reads evaluated view values, with the same rules the runtime uses inside interpolations.</summary>
public static class ViewValues
{
    /// <summary>A value as text: strings as they are, numbers and booleans as JavaScript prints them, null as nothing, lists and objects as JSON.</summary>
    public static string Display(JsonNode? value) => ViewEvaluator.Display(value);

    /// <summary>JavaScript truthiness of a JSON value: null, false, 0 and "" are false; lists and objects are true (even empty).</summary>
    public static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Number => TryNumber(v, out var number) && number != 0,
            _ => true,
        },
        _ => true,
    };

    /// <summary>A JSON number as a double, whatever .NET type the value was made from.</summary>
    public static bool TryNumber(JsonNode? value, out double number)
    {
        number = 0;
        if (value is not JsonValue json || json.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        number = json.TryGetValue<double>(out var direct) ? direct : double.Parse(json.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
        return double.IsFinite(number);
    }
}

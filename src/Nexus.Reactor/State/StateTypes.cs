using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Nexus.Nxml.Checking;

namespace Nexus.Reactor.State;

/// <summary>Whether a value fits a declared NXML type (§2): checked on every write, from handlers and bindings alike.</summary>
internal static class StateTypes
{
    /// <summary>The cheap check done when a handler assigns a state key (the deep JSON check runs at commit).</summary>
    public static bool Fits(string type, JsValue value) => type switch
    {
        ValueTypes.Number => value.Type == Types.Number && double.IsFinite(value.AsNumber()),
        ValueTypes.String => value.Type == Types.String,
        ValueTypes.Boolean => value.Type == Types.Boolean,
        ValueTypes.List => value is JsArray,
        ValueTypes.Object => value.Type == Types.Object && value is not JsArray && JsonValues.IsPlainObject(value.AsObject()),
        _ => false,
    };

    public static bool Fits(string type, JsonNode? value) => (type, value?.GetValueKind()) switch
    {
        (ValueTypes.Number, JsonValueKind.Number) => true,
        (ValueTypes.String, JsonValueKind.String) => true,
        (ValueTypes.Boolean, JsonValueKind.True or JsonValueKind.False) => true,
        (ValueTypes.List, JsonValueKind.Array) => true,
        (ValueTypes.Object, JsonValueKind.Object) => true,
        _ => false,
    };

    public static bool IsMutable(string type) => type is ValueTypes.List or ValueTypes.Object;

    public static string Describe(JsValue value) => value.Type switch
    {
        Types.Number when !double.IsFinite(value.AsNumber()) => double.IsNaN(value.AsNumber()) ? "NaN" : "an infinite number",
        Types.Object when value is JsArray => "a list",
        Types.Object when value is Jint.Native.Function.Function => "a function",
        Types.Object => "an object",
        Types.String => "a string",
        Types.Number => "a number",
        Types.Boolean => "a boolean",
        Types.Null => "null",
        Types.Undefined => "undefined",
        _ => "a " + value.Type.ToString().ToLowerInvariant(),
    };
}

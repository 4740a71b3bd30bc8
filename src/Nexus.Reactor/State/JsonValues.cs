using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace Nexus.Reactor.State;

/// <summary>
/// Moves values between the sandbox and the host. Only JSON crosses: plain objects, arrays, strings, finite
/// numbers, booleans and null. Functions, symbols, cycles, <c>NaN</c>/<c>Infinity</c>, accessors and non-plain
/// objects (<c>Date</c>, <c>Map</c>, class instances, proxies) anywhere inside are refused; <c>undefined</c>
/// object properties are dropped and <c>undefined</c> array items become <c>null</c>, as JSON does.
/// Walks are depth-limited, so no value can exhaust the host's stack, and size-limited, so no value can make the
/// host build more than a handler may allocate: the walk runs outside the sandbox's clock and memory limit, and
/// a sparse array (<c>a.length = 2 ** 32 - 1</c>) or a value that shares its parts (<c>x = [x, x, x]</c>,
/// nested) is small in the sandbox and huge as JSON.
/// </summary>
internal static class JsonValues
{
    /// <summary>How deep a value may nest (objects and arrays) to cross the boundary.</summary>
    public const int MaxDepth = 256;

    /// <summary>What a JSON node costs the host, roughly; a string adds two bytes a character.</summary>
    private const int NodeBytes = 32;

    /// <summary>Converts a sandbox value to JSON; returns false with a reason when it is not JSON.</summary>
    /// <param name="value">The value.</param>
    /// <param name="budget">The most bytes the JSON may take in the host (the handler's memory limit).</param>
    /// <param name="json">The value as JSON.</param>
    /// <param name="error">Why the value is not JSON.</param>
    /// <exception cref="Execution.SandboxAbort"><c>MEMORY_LIMIT</c>: the JSON would take more than <paramref name="budget"/>.</exception>
    public static bool TryToJson(JsValue value, long budget, out JsonNode? json, out string? error)
    {
        error = null;
        json = null;
        try
        {
            // A string, number, boolean or null needs no walk, and no walk's state (most values crossing are these).
            json = value is ObjectInstance ? ToJson(value, depth: 0, new Conversion(budget)) : Leaf(value, budget, conversion: null);
            return true;
        }
        catch (NotJsonException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>
    /// Builds a sandbox value from JSON. With <paramref name="freeze"/> every object and array is frozen
    /// (committed state handed to expressions and computeds cannot be changed in place).
    /// </summary>
    public static JsValue ToJs(JsonNode? json, Engine engine, bool freeze, Func<JsValue, JsValue>? freezer = null)
    {
        switch (json)
        {
            case null:
                return JsValue.Null;
            case JsonValue value:
                return Primitive(value);
            case JsonArray array:
                {
                    var items = new JsValue[array.Count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = ToJs(array[i], engine, freeze, freezer);
                    }

                    var result = new JsArray(engine, items);
                    return freeze && freezer is not null ? freezer(result) : result;
                }

            case JsonObject obj:
                {
                    var result = new JsObject(engine);
                    foreach (var (key, child) in obj)
                    {
                        result.FastSetDataProperty(key, ToJs(child, engine, freeze, freezer));
                    }

                    return freeze && freezer is not null ? freezer(result) : result;
                }

            default:
                return JsValue.Undefined;
        }
    }

    private static JsValue Primitive(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => new JsString(value.GetValue<string>()),
        JsonValueKind.Number => new JsNumber(value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)),
        JsonValueKind.True => JsBoolean.True,
        JsonValueKind.False => JsBoolean.False,
        _ => JsValue.Null,
    };

    private static JsonNode? ToJson(JsValue value, int depth, Conversion conversion)
    {
        if (value is not ObjectInstance obj)
        {
            return Leaf(value, conversion.Remaining, conversion);
        }

        conversion.Charge(NodeBytes);
        if (depth >= MaxDepth)
        {
            throw new NotJsonException($"{conversion.Path()} nests deeper than {MaxDepth} levels (or contains a cycle)");
        }

        if (obj is JsArray array)
        {
            var result = new JsonArray();
            var length = array.Length;
            conversion.Require((long)NodeBytes * length);
            for (uint i = 0; i < length; i++)
            {
                conversion.Enter(i);
                result.Add(ToJson(DataValue(array, JsNumber.Create(i), conversion), depth + 1, conversion));
                conversion.Leave();
            }

            return result;
        }

        if (!IsPlainObject(obj))
        {
            throw new NotJsonException($"{conversion.Path()} is a {Describe(value)}; only plain objects, arrays, strings, numbers, booleans and null are JSON");
        }

        var json = new JsonObject();
        foreach (var key in obj.GetOwnPropertyKeys(Types.String | Types.Symbol))
        {
            if (key.IsSymbol())
            {
                throw new NotJsonException($"{conversion.Path()} has a symbol key, which is not JSON");
            }

            var name = key.ToString();
            var descriptor = obj.GetOwnProperty(key);
            if (!descriptor.Enumerable)
            {
                continue;
            }

            conversion.Enter(name);
            var item = DataValue(obj, key, conversion);
            if (!item.IsUndefined())
            {
                conversion.Charge(2L * name.Length);
                json[name] = ToJson(item, depth + 1, conversion);
            }

            conversion.Leave();
        }

        return json;
    }

    /// <summary>A string, number, boolean or null (undefined reads as null) as JSON, within <paramref name="budget"/> bytes.</summary>
    private static JsonValue? Leaf(JsValue value, long budget, Conversion? conversion)
    {
        var cost = NodeBytes + (value is JsString text ? 2L * text.Length : 0);
        if (cost > budget)
        {
            throw Conversion.TooLarge(conversion?.Path() ?? Conversion.Root, conversion?.Limit ?? budget);
        }

        conversion?.Charge(cost);
        switch (value.Type)
        {
            case Types.Null:
            case Types.Undefined:
                return null;
            case Types.Boolean:
                return JsonValue.Create(value.AsBoolean());
            case Types.String:
                return JsonValue.Create(value.ToString());
            case Types.Number:
                var number = value.AsNumber();
                return double.IsFinite(number)
                    ? JsonValue.Create(number)
                    : throw new NotJsonException($"{conversion?.Path() ?? Conversion.Root} is {(double.IsNaN(number) ? "NaN" : "an infinite number")}, which is not JSON");
            default:
                throw new NotJsonException($"{conversion?.Path() ?? Conversion.Root} is a {Describe(value)}, which is not JSON");
        }
    }

    /// <summary>A property's value without running a getter: an accessor is not JSON.</summary>
    private static JsValue DataValue(ObjectInstance owner, JsValue key, Conversion conversion)
    {
        var descriptor = owner.GetOwnProperty(key);
        if (descriptor == PropertyDescriptor.Undefined)
        {
            return JsValue.Undefined;
        }

        if (descriptor.IsAccessorDescriptor())
        {
            throw new NotJsonException($"{conversion.Path()} is a getter/setter property, which is not JSON");
        }

        return descriptor.Value ?? JsValue.Undefined;
    }

    /// <summary>An object made by <c>{}</c>, <c>Object.create(null)</c> or JSON.parse: not a function, array, date, map, proxy or class instance.</summary>
    public static bool IsPlainObject(ObjectInstance obj)
    {
        if (obj is not JsObject || obj is Jint.Native.Function.Function)
        {
            return false;
        }

        var prototype = obj.Prototype;
        return prototype is null || ReferenceEquals(prototype, obj.Engine.Intrinsics.Object.PrototypeObject);
    }

    private static string Describe(JsValue value) => value.Type switch
    {
        Types.Symbol => "symbol",
        Types.BigInt => "bigint",
        Types.Object when value is Jint.Native.Function.Function => "function",
        Types.Object when value is JsDate => "Date",
        Types.Object when value is JsMap => "Map",
        Types.Object when value is JsSet => "Set",
        Types.Object => "non-plain object",
        _ => value.Type.ToString().ToLowerInvariant(),
    };

    private sealed class NotJsonException(string message) : Exception(message);

    /// <summary>
    /// One walk's state: the bytes it may still make the host allocate, and where it is (kept as segments and
    /// spelled out only for an error message, so that a walk formats no path it does not report).
    /// </summary>
    private sealed class Conversion(long bytes)
    {
        public const string Root = "value";

        private readonly List<(string? Name, uint Index)> _segments = [];
        private long _spent;

        public long Limit => bytes;

        public long Remaining => bytes - _spent;

        public void Enter(string name) => _segments.Add((name, 0));

        public void Enter(uint index) => _segments.Add((null, index));

        public void Leave() => _segments.RemoveAt(_segments.Count - 1);

        public void Charge(long cost)
        {
            Require(cost);
            _spent += cost;
        }

        public void Require(long cost)
        {
            if (cost > bytes - _spent)
            {
                throw TooLarge(Path(), bytes);
            }
        }

        public string Path()
        {
            var path = new System.Text.StringBuilder(Root);
            foreach (var (name, index) in _segments)
            {
                _ = name is null ? path.Append('[').Append(index).Append(']') : path.Append('.').Append(name);
            }

            return path.ToString();
        }

        public static Execution.SandboxAbort TooLarge(string path, long limit) => new(
            Execution.RuntimeErrorCodes.MemoryLimit,
            $"{path} is too large: as JSON it would take more than the {limit / (1024.0 * 1024):0.#} MiB a handler may use");
    }
}

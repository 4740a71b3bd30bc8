using System.Text.Json.Nodes;
using Jint.Native;
using Nexus.Reactor.Program;

namespace Nexus.Reactor.State;

/// <summary>
/// The committed state of one panel: a JSON value per State and, once the panel's sandbox exists, the same
/// value as a (frozen) sandbox value, made on first read. A version increases by one with every commit that
/// changes something. Only commits change it.
/// </summary>
internal sealed class StateStore
{
    private readonly Dictionary<string, JsonNode?> _json = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsValue> _values = new(StringComparer.Ordinal);

    public long Version { get; private set; }

    /// <summary>Makes the sandbox value of a committed JSON value (set when the sandbox is created).</summary>
    public Func<JsonNode?, JsValue>? Materialize { get; set; }

    public JsValue Get(string key)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            value = Materialize!(_json[key]);
            _values[key] = value;
        }

        return value;
    }

    /// <summary>A key's value as loaded (defaults, saved state): JSON only.</summary>
    public void Load(string key, JsonNode? json)
    {
        _json[key] = json;
        _values.Remove(key);
    }

    /// <summary>A committed change: the sandbox value and its JSON (lists and objects kept as a private copy; primitives cannot change).</summary>
    public void Set(string key, JsValue value, JsonNode? json)
    {
        _values[key] = value;
        _json[key] = json is JsonValue ? json : json?.DeepClone();
    }

    public void NextVersion() => Version++;

    /// <summary>The committed states as JSON (copies), in declaration order.</summary>
    public JsonObject ToJson(PanelProgram program)
    {
        var json = new JsonObject();
        foreach (var key in program.StateOrder)
        {
            json[key] = _json[key]?.DeepClone();
        }

        return json;
    }
}

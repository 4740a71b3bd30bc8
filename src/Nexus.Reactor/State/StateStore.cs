using System.Text.Json.Nodes;
using Jint.Native;
using Nexus.Reactor.Program;

namespace Nexus.Reactor.State;

/// <summary>
/// The committed state of one panel: a value per State, frozen when it is a list or an object, and a version
/// that increases by one with every commit that changes something. Only commits change it.
/// </summary>
internal sealed class StateStore
{
    private readonly Dictionary<string, JsValue> _values = new(StringComparer.Ordinal);

    public long Version { get; private set; }

    public JsValue Get(string key) => _values[key];

    public void Set(string key, JsValue value) => _values[key] = value;

    public void NextVersion() => Version++;

    /// <summary>The committed states as JSON, in declaration order.</summary>
    public JsonObject ToJson(PanelProgram program)
    {
        var json = new JsonObject();
        foreach (var key in program.StateOrder)
        {
            // Committed values passed the size check of their commit, or came from the host's saved state.
            json[key] = JsonValues.TryToJson(_values[key], long.MaxValue, out var value, out _) ? value : null;
        }

        return json;
    }
}

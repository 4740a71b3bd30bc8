using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Nexus.Reactor.Execution;

namespace Nexus.Reactor;

/// <summary>
/// Transient view props set by handlers with <c>$view.getElementById(id).setProp(name, value)</c>: not state,
/// never persisted; the renderer reads them. Method calls (<c>.call(...)</c>) are only notified.
/// </summary>
public sealed class ViewRegistry
{
    private readonly ConcurrentDictionary<(string Id, string Prop), JsonNode?> _props = new();

    /// <summary>The transient value of a prop of a view element, if a handler set one.</summary>
    public bool TryGet(string id, string prop, out JsonNode? value)
    {
        var found = _props.TryGetValue((id, prop), out var stored);
        value = stored?.DeepClone();
        return found;
    }

    public IReadOnlyDictionary<string, JsonNode?> PropsOf(string id) =>
        _props.Where(p => p.Key.Id == id).ToDictionary(p => p.Key.Prop, p => p.Value?.DeepClone(), StringComparer.Ordinal);

    internal void Apply(IEnumerable<ViewUpdate> updates)
    {
        foreach (var update in updates)
        {
            if (update.Kind == "prop")
            {
                _props[(update.Id, update.Name)] = update.Value?.DeepClone();
            }
        }
    }
}

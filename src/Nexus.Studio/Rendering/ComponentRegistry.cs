using System.Collections.Concurrent;
using Nexus.Studio.Rendering.Components;

namespace Nexus.Studio.Rendering;

/// <summary>
/// Which Blazor component renders each view element type: the Standard Component Library (§6.3), plus the
/// custom components a host registers. An element type found nowhere renders as a labelled placeholder.
/// </summary>
public sealed class ComponentRegistry
{
    private readonly ConcurrentDictionary<string, Type> _components = new(StringComparer.Ordinal)
    {
        ["Layout"] = typeof(NxmlLayout),
        ["Container"] = typeof(NxmlContainer),
        ["If"] = typeof(NxmlIf),
        ["Iterate"] = typeof(NxmlIterate),
        ["Text"] = typeof(NxmlText),
        ["Metric"] = typeof(NxmlMetric),
        ["StatusBadge"] = typeof(NxmlStatusBadge),
        ["LogStream"] = typeof(NxmlLogStream),
        ["Chart"] = typeof(NxmlChart),
        ["Input"] = typeof(NxmlInput),
        ["Switch"] = typeof(NxmlSwitch),
        ["Button"] = typeof(NxmlButton),
        ["Action"] = typeof(NxmlButton),
    };

    /// <summary>Registers (or replaces) the component that renders elements of <paramref name="elementType"/>.</summary>
    /// <exception cref="ArgumentException">The component does not derive from <see cref="NxmlComponentBase"/>.</exception>
    public ComponentRegistry Register(string elementType, Type component)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(elementType);
        ArgumentNullException.ThrowIfNull(component);
        if (!component.IsSubclassOf(typeof(NxmlComponentBase)) || component.IsAbstract)
        {
            throw new ArgumentException($"{component.Name} cannot render <{elementType}>: a view component derives from {nameof(NxmlComponentBase)}", nameof(component));
        }

        _components[elementType] = component;
        return this;
    }

    /// <summary>The component for an element type; the labelled placeholder when none is registered.</summary>
    public Type Resolve(string elementType) => _components.GetValueOrDefault(elementType) ?? typeof(NxmlCustomPlaceholder);

    public bool IsRegistered(string elementType) => _components.ContainsKey(elementType);
}

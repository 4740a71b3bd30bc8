using System.Text.Json.Nodes;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;
using Nexus.Reactor.Execution;

namespace Nexus.Studio.Rendering.Session;

/// <summary>
/// A session that passes everything to another one; a wrapper overrides only what it changes (a guard on writes, a
/// count of evaluations).
/// </summary>
public abstract class DelegatingPanelSession(IPanelSession inner) : IPanelSession
{
    public string PanelId => inner.PanelId;

    public string? Title => inner.Title;

    public ComponentNode? ViewRoot => inner.ViewRoot;

    public string? FailureReason => inner.FailureReason;

    public IReadOnlyCollection<string> ToolsInProgress => inner.ToolsInProgress;

    public event Action<PanelChange>? Changed
    {
        add => inner.Changed += value;
        remove => inner.Changed -= value;
    }

    public event Action<PanelEvent>? Emitted
    {
        add => inner.Emitted += value;
        remove => inner.Emitted -= value;
    }

    public virtual Task<JsonNode?> EvaluateAsync(ComponentNode component, string prop, ViewScope scope) => inner.EvaluateAsync(component, prop, scope);

    public virtual Task<string?> EvaluateTextAsync(ComponentNode component, ViewScope scope) => inner.EvaluateTextAsync(component, scope);

    public virtual Task<ToolResult> TriggerAsync(ComponentNode component, ViewScope scope) => inner.TriggerAsync(component, scope);

    public virtual Task<ToolResult> SetAsync(string path, JsonNode? value, ViewScope scope) => inner.SetAsync(path, value, scope);

    public IReadOnlyDictionary<string, JsonNode?> TransientProps(string elementId) => inner.TransientProps(elementId);

    public IReadOnlyList<ActivityEntry> Activity(int limit) => inner.Activity(limit);
}

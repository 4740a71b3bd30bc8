using System.Text.Json.Nodes;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;
using Nexus.Reactor.Execution;
using Nexus.Studio.Platform;
using Nexus.Studio.Rendering.Session;

namespace Nexus.Studio.WorkspaceView;

/// <summary>
/// A live panel whose writes (tool calls, two-way bindings) first ask the platform whether the user may change the
/// workspace now — role and storage, the same checks as the HTTP API's tool calls. A refusal becomes a failed tool
/// result, which the view shows like any other failure; reads pass straight through.
/// </summary>
internal sealed class GuardedPanelSession(IPanelSession inner, Func<Task> ensureCanChange) : IPanelSession
{
    /// <summary>The code of a write the platform refused.</summary>
    public const string RefusedCode = "REFUSED";

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

    public Task<JsonNode?> EvaluateAsync(ComponentNode component, string prop, ViewScope scope) => inner.EvaluateAsync(component, prop, scope);

    public Task<string?> EvaluateTextAsync(ComponentNode component, ViewScope scope) => inner.EvaluateTextAsync(component, scope);

    public IReadOnlyDictionary<string, JsonNode?> TransientProps(string elementId) => inner.TransientProps(elementId);

    public IReadOnlyList<ActivityEntry> Activity(int limit) => inner.Activity(limit);

    public Task<ToolResult> TriggerAsync(ComponentNode component, ViewScope scope) =>
        GuardedAsync(component.Type, () => inner.TriggerAsync(component, scope));

    public Task<ToolResult> SetAsync(string path, JsonNode? value, ViewScope scope) =>
        GuardedAsync(path, () => inner.SetAsync(path, value, scope));

    private async Task<ToolResult> GuardedAsync(string what, Func<Task<ToolResult>> write)
    {
        try
        {
            await ensureCanChange().ConfigureAwait(false);
        }
        catch (PlatformRefusalException refusal)
        {
            return new ToolResult(what, false, null, [], [], [], [], new ToolError(RefusedCode, refusal.Message), 0);
        }

        return await write().ConfigureAwait(false);
    }
}

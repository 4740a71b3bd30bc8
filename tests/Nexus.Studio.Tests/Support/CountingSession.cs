using System.Text.Json.Nodes;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;
using Nexus.Reactor.Execution;
using Nexus.Studio.Rendering.Session;

namespace Nexus.Studio.Tests.Support;

/// <summary>A session that counts how often the renderer asks the runtime to evaluate something.</summary>
internal sealed class CountingSession(IPanelSession inner) : IPanelSession
{
    private int _evaluations;

    public int Evaluations => Volatile.Read(ref _evaluations);

    /// <summary>The count once no evaluation has come for a while (the renderer's refreshes have all finished).</summary>
    public async Task<int> SettledAsync()
    {
        var last = -1;
        while (Evaluations != last)
        {
            last = Evaluations;
            await Task.Delay(300, Xunit.TestContext.Current.CancellationToken);
        }

        return last;
    }

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

    public Task<JsonNode?> EvaluateAsync(ComponentNode component, string prop, ViewScope scope)
    {
        Interlocked.Increment(ref _evaluations);
        return inner.EvaluateAsync(component, prop, scope);
    }

    public Task<string?> EvaluateTextAsync(ComponentNode component, ViewScope scope)
    {
        Interlocked.Increment(ref _evaluations);
        return inner.EvaluateTextAsync(component, scope);
    }

    public Task<ToolResult> TriggerAsync(ComponentNode component, ViewScope scope) => inner.TriggerAsync(component, scope);

    public Task<ToolResult> SetAsync(string path, JsonNode? value, ViewScope scope) => inner.SetAsync(path, value, scope);

    public IReadOnlyDictionary<string, JsonNode?> TransientProps(string elementId) => inner.TransientProps(elementId);

    public IReadOnlyList<ActivityEntry> Activity(int limit) => inner.Activity(limit);
}

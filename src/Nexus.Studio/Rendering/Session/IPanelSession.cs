using System.Text.Json.Nodes;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;
using Nexus.Reactor.Execution;

namespace Nexus.Studio.Rendering.Session;

/// <summary>What changed in a live panel, so each part of the view refreshes only for what concerns it.</summary>
[Flags]
public enum PanelChange
{
    None = 0,

    /// <summary>State was committed (by anyone: this view, another tab, the HTTP API, MCP, a revert).</summary>
    State = 1,

    /// <summary>A handler changed a transient view prop (<c>$view</c>).</summary>
    View = 2,

    /// <summary>The panel's source changed: a new instance runs a new view tree.</summary>
    Reloaded = 4,

    /// <summary>A log line was written or an event was emitted.</summary>
    Activity = 8,

    /// <summary>A tool started or stopped showing progress.</summary>
    Progress = 16,

    /// <summary>Everything may have changed (the subscription was re-established).</summary>
    All = State | View | Reloaded | Activity | Progress,
}

/// <summary>A line of the panel's activity: a log line, or an event other than a toast.</summary>
public sealed record ActivityEntry(DateTimeOffset Time, string Kind, string Message);

/// <summary>
/// The renderer's one door to a live panel: its view tree, evaluation of props in a scope, tool calls and
/// two-way binding writes (business rules stay in the runtime), transient <c>$view</c> props, its activity,
/// and a stream of changes. <see cref="Changed"/> and <see cref="Emitted"/> are raised off the renderer's
/// synchronization context.
/// </summary>
public interface IPanelSession
{
    string PanelId { get; }

    string? Title { get; }

    /// <summary>The root of the checked, laid-out view; null for a headless panel or one that does not run.</summary>
    ComponentNode? ViewRoot { get; }

    /// <summary>Why the panel does not run, or null when it runs.</summary>
    string? FailureReason { get; }

    /// <summary>The value of a prop of a view element in a scope (see <see cref="PanelInstance.EvaluateAsync(ComponentNode, string, ViewScope?)"/>); null when the panel does not run.</summary>
    Task<JsonNode?> EvaluateAsync(ComponentNode component, string prop, ViewScope scope);

    /// <summary>The interpolated element text of a component; null when it has none.</summary>
    Task<string?> EvaluateTextAsync(ComponentNode component, ViewScope scope);

    /// <summary>Runs the element's trigger with its <c>args</c> evaluated now, in its scope.</summary>
    Task<ToolResult> TriggerAsync(ComponentNode component, ViewScope scope);

    /// <summary>A two-way binding write, type-checked like a handler write.</summary>
    Task<ToolResult> SetAsync(string path, JsonNode? value, ViewScope scope);

    /// <summary>The transient props a handler set on the element with this id.</summary>
    IReadOnlyDictionary<string, JsonNode?> TransientProps(string elementId);

    /// <summary>The most recent activity, oldest first.</summary>
    IReadOnlyList<ActivityEntry> Activity(int limit);

    /// <summary>Tools running elsewhere that committed progress (a commit point inside the handler).</summary>
    IReadOnlyCollection<string> ToolsInProgress { get; }

    event Action<PanelChange>? Changed;

    /// <summary>Every event a handler emitted (toasts included).</summary>
    event Action<PanelEvent>? Emitted;
}

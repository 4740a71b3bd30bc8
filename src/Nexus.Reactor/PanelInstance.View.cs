using System.Text.Json.Nodes;
using Nexus.Nxml.Checking;
using Nexus.Nxml.Syntax;
using Nexus.Reactor.Execution;

namespace Nexus.Reactor;

/// <summary>The evaluation side of the view (§6): what a renderer asks a running panel.</summary>
public sealed partial class PanelInstance
{
    /// <summary>
    /// The value of a prop of a view element: a binding's JSON value, an interpolation's string, a literal's
    /// text, an expression prop's value, a <c>bind</c> path's current value. A literal-only enumerated prop that
    /// evaluates outside its enum (a binding gone wrong) is <c>null</c>: the renderer uses the default.
    /// </summary>
    public Task<JsonNode?> EvaluateAsync(ComponentNode component, string prop, ViewScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        var attribute = component.Attribute(prop);
        if (attribute is null || _runtime.Program.Expressions.Of(attribute) is not { } compiled)
        {
            return Task.FromResult<JsonNode?>(null);
        }

        return OnActor(() => WithinEnum(component, prop, _runtime.ViewEvaluator.Evaluate(compiled, scope ?? ViewScope.Empty)));
    }

    /// <summary>The element text of a component (Text, Button, Action), interpolated.</summary>
    public Task<string?> EvaluateTextAsync(ComponentNode component, ViewScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (component.Text is null || _runtime.Program.Expressions.Of(component.Text) is not { } compiled)
        {
            return Task.FromResult<string?>(null);
        }

        return OnActor<string?>(() => Expressions.ViewEvaluator.Display(_runtime.ViewEvaluator.Evaluate(compiled, scope ?? ViewScope.Empty)));
    }

    /// <summary>Evaluates a binding or interpolation that is not part of the view (e.g. held by a host).</summary>
    public Task<JsonNode?> EvaluateAsync(string value, ViewScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return OnActor(() => _runtime.ViewEvaluator.Evaluate(_runtime.Program.Expressions.CompileDetached(value), scope ?? ViewScope.Empty));
    }

    /// <summary>
    /// What an element triggers when the user acts: its <c>trigger</c> tool, with its <c>args</c> evaluated now,
    /// in the element's scope (the "thunk" pattern). An array is passed by position, an object by name.
    /// </summary>
    public async Task<ToolResult> TriggerAsync(ComponentNode component, ViewScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        var tool = component.Prop("trigger") ?? throw new ArgumentException($"<{component.Type}> has no trigger", nameof(component));
        var args = await EvaluateAsync(component, "args", scope).ConfigureAwait(false);
        return await CallAsync(tool, args).ConfigureAwait(false);
    }

    /// <summary>
    /// A two-way binding write: <paramref name="path"/> is a <c>bind</c> value (<c>$state.draft</c>,
    /// <c>$scope.item.done</c>). Type-checked like a handler write; queued with the tool calls.
    /// </summary>
    public Task<ToolResult> SetAsync(string path, JsonNode? value, ViewScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var completion = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var copy = value?.DeepClone();
        var where = scope ?? ViewScope.Empty;
        _actor.Post(() => _runtime.Enqueue(new PendingCall("bind:" + path, null, false, completion)
        {
            Body = execution => _runtime.Bind(execution, path, copy, where),
        }));
        return completion.Task;
    }

    /// <summary>The panel as an MCP server describes it: its tools with input schemas, and its state resource.</summary>
    public PanelDescription Describe() => PanelDescription.Of(_runtime.Program.Panel, PanelId);

    /// <summary>Enumerated props fall back to their default (null) when a binding gives a value outside the enum.</summary>
    private JsonNode? WithinEnum(ComponentNode component, string prop, JsonNode? value)
    {
        if (ComponentCatalog.Find(component.Type) is not { } spec || !spec.Enums.TryGetValue(prop, out var allowed))
        {
            return value;
        }

        if (value is JsonValue text && text.TryGetValue<string>(out var s) && allowed.Contains(s))
        {
            return value;
        }

        _runtime.Log.Write(LogLevel.Warning, $"<{component.Type}> {prop}: {value?.ToJsonString() ?? "null"} is not one of {string.Join(", ", allowed)}; the default is used");
        return null;
    }
}

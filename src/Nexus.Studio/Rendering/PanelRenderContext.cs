using System.Text.Json.Nodes;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;
using Nexus.Reactor.Execution;
using Nexus.Studio.Rendering.Session;
using Nexus.Workspace;

namespace Nexus.Studio.Rendering;

/// <summary>
/// What every element of one rendered panel shares (cascaded by <see cref="NxmlPanelView"/>): the live session,
/// the component registry, and the tool calls this view has running. Used on the renderer's synchronization
/// context only.
/// </summary>
public sealed class PanelRenderContext(IPanelSession session, ComponentRegistry components)
{
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);

    public IPanelSession Session { get; } = session;

    public ComponentRegistry Components { get; } = components;

    /// <summary>Tools this view started that have not answered yet.</summary>
    public IReadOnlyCollection<string> RunningHere => _running.Keys;

    /// <summary>Raised when a call of this view starts or ends.</summary>
    public event Action? RunningChanged;

    /// <summary>Runs the element's trigger (its <c>args</c> evaluated now, in its scope); the error to show, or null on success.</summary>
    public async Task<string?> TriggerAsync(ComponentNode element, ViewScope scope)
    {
        ArgumentNullException.ThrowIfNull(element);
        var tool = element.Prop("trigger") ?? throw new ArgumentException($"<{element.Type}> has no trigger", nameof(element));
        Track(tool, +1);
        try
        {
            return Describe(tool, await Session.TriggerAsync(element, scope).ConfigureAwait(true));
        }
        catch (WorkspaceException exception)
        {
            return $"{tool} failed: {exception.Message}";
        }
        finally
        {
            Track(tool, -1);
        }
    }

    /// <summary>A two-way binding write; the error to show (the state is then unchanged), or null on success.</summary>
    public async Task<string?> WriteAsync(string path, JsonNode? value, ViewScope scope)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            var result = await Session.SetAsync(path, value, scope).ConfigureAwait(true);
            return result.Succeeded ? null : Describe(result.Error);
        }
        catch (WorkspaceException exception)
        {
            return exception.Message;
        }
    }

    private static string? Describe(string tool, ToolResult result) =>
        result.Succeeded ? null : $"{tool} failed: {Describe(result.Error)}";

    private static string Describe(ToolError? error) => error is null
        ? "unknown error"
        : $"{error.Code}: {error.Message}" + (error.Line is { } line ? $" (line {line}, column {error.Column})" : string.Empty);

    private void Track(string tool, int delta)
    {
        var count = _running.GetValueOrDefault(tool) + delta;
        if (count > 0)
        {
            _running[tool] = count;
        }
        else
        {
            _running.Remove(tool);
        }

        RunningChanged?.Invoke();
    }
}

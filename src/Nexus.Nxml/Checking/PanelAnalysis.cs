using System.Collections.Immutable;
using Nexus.Nxml.Capabilities;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Checking;

/// <summary>What the checker learned about a panel's handlers and computeds; the runtime builds on it.</summary>
public sealed class PanelAnalysis
{
    private readonly IReadOnlyDictionary<HandlerNode, bool> _asyncHandlers;
    private readonly Lazy<ImmutableDictionary<string, HandlerAnalysis>> _tools;
    private readonly Lazy<ImmutableDictionary<string, HandlerAnalysis>> _lifecycles;

    internal PanelAnalysis(
        Lazy<ImmutableDictionary<string, HandlerAnalysis>> tools,
        Lazy<ImmutableDictionary<string, HandlerAnalysis>> lifecycles,
        ImmutableDictionary<string, ImmutableArray<string>> computedDependencies,
        IReadOnlyDictionary<HandlerNode, bool> asyncHandlers)
    {
        _tools = tools;
        _lifecycles = lifecycles;
        ComputedDependencies = computedDependencies;
        _asyncHandlers = asyncHandlers;
    }

    /// <summary>Each tool's handler analysis, by tool name (tools without a usable handler are absent).</summary>
    public ImmutableDictionary<string, HandlerAnalysis> Tools => _tools.Value;

    /// <summary>Each lifecycle's handler analysis, by event (<c>mount</c>, <c>unmount</c>).</summary>
    public ImmutableDictionary<string, HandlerAnalysis> Lifecycles => _lifecycles.Value;

    /// <summary>For each computed, the state and computed keys its expression reads statically.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> ComputedDependencies { get; }

    /// <summary>The panel with <see cref="HandlerNode.IsAsync"/> set on every handler that uses <c>await</c>.</summary>
    internal PanelNode WithAsyncHandlers(PanelNode panel)
    {
        if (panel.Logic is not { } logic || !_asyncHandlers.Values.Any(isAsync => isAsync))
        {
            return panel;
        }

        HandlerNode? Mark(HandlerNode? handler) =>
            handler is not null && _asyncHandlers.TryGetValue(handler, out var isAsync) && isAsync ? handler with { IsAsync = true } : handler;

        return panel with
        {
            Logic = logic with
            {
                Tools = [.. logic.Tools.Select(t => t with { Handler = Mark(t.Handler) })],
                Handlers = [.. logic.Handlers.Select(h => Mark(h)!)],
                Lifecycles = [.. logic.Lifecycles.Select(l => l with { Handler = Mark(l.Handler) })],
            },
        };
    }
}

/// <summary>
/// One handler as the checker sees it: its effective capabilities (declared, or inferred from the code when
/// none are declared) and the state keys, tools and extensions its code names statically.
/// </summary>
public sealed record HandlerAnalysis(
    CapabilitySet Capabilities,
    bool CapabilitiesDeclared,
    ImmutableHashSet<string> StateReads,
    ImmutableHashSet<string> StateWrites,
    ImmutableHashSet<string> ToolsCalled,
    ImmutableHashSet<string> Extensions,
    bool IsAsync);

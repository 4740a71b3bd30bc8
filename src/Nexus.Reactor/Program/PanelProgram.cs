using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using Nexus.Nxml;
using Nexus.Nxml.Capabilities;
using Nexus.Nxml.Checking;
using Nexus.Nxml.Syntax;

namespace Nexus.Reactor.Program;

/// <summary>
/// Everything about a panel that does not change while it runs, compiled once per source and shared by all
/// its instances: state and tool declarations, capabilities, and the prepared scripts of every handler,
/// computed and view expression. A thousand copies of a panel cost one program.
/// </summary>
internal sealed class PanelProgram
{
    private static readonly ConcurrentDictionary<string, WeakReference<PanelProgram>> Cache = new(StringComparer.Ordinal);

    private PanelProgram(NxmlDocument document)
    {
        Document = document;
        var panel = document.Panel!;
        var analysis = document.Analysis!;
        States = panel.States.Select(StateSpec.From).ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        StateOrder = [.. panel.States.Select(s => s.Name!)];
        ComputedOrder = [.. panel.Computeds.Select(c => c.Name!)];
        Computeds = panel.Computeds.Select((c, i) => new ComputedSpec(c.Name!, i, ScriptSource.ForComputed(c), analysis.ComputedDependencies.GetValueOrDefault(c.Name!, [])))
            .ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
        Tools = panel.Tools.Where(t => t.Name is not null && analysis.Tools.ContainsKey(t.Name))
            .Select(t => HandlerSpec.For(t.Name!, t, Resolve(panel, t), analysis.Tools[t.Name!], t.Args))
            .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
        Lifecycles = (panel.Logic?.Lifecycles ?? []).Where(l => l.On is not null && analysis.Lifecycles.ContainsKey(l.On))
            .Select(l => HandlerSpec.For(l.On!, l, Resolve(panel, l), analysis.Lifecycles[l.On!], []))
            .ToFrozenDictionary(l => l.Name, StringComparer.Ordinal);
        Extensions = (panel.Logic?.Extensions ?? []).Where(e => e.EffectiveAlias is not null && e.Name is not null)
            .ToFrozenDictionary(e => e.EffectiveAlias!, e => e.Name!, StringComparer.Ordinal);
        Expressions = new ExpressionTable(document);
    }

    public NxmlDocument Document { get; }

    public PanelNode Panel => Document.Panel!;

    public FrozenDictionary<string, StateSpec> States { get; }

    /// <summary>State names in declaration order (the order of <c>getState()</c>).</summary>
    public IReadOnlyList<string> StateOrder { get; }

    public FrozenDictionary<string, ComputedSpec> Computeds { get; }

    /// <summary>Computed names in declaration order.</summary>
    public IReadOnlyList<string> ComputedOrder { get; }

    public FrozenDictionary<string, HandlerSpec> Tools { get; }

    public FrozenDictionary<string, HandlerSpec> Lifecycles { get; }

    /// <summary>Declared extensions: alias → extension name.</summary>
    public FrozenDictionary<string, string> Extensions { get; }

    public ExpressionTable Expressions { get; }

    /// <summary>The program of a checked, valid document: shared with every other document of the same source.</summary>
    public static PanelProgram For(NxmlDocument document)
    {
        if (!document.IsValid)
        {
            throw new ArgumentException("the panel has errors and cannot run: " + string.Join("; ", document.Errors.Take(3).Select(e => e.Format("panel"))), nameof(document));
        }

        if (Cache.TryGetValue(document.Source, out var weak) && weak.TryGetTarget(out var cached) && cached.Document.Source.Length > 0)
        {
            return cached;
        }

        var program = new PanelProgram(document);
        if (document.Source.Length > 0)
        {
            Cache[document.Source] = new WeakReference<PanelProgram>(program);
            if (Cache.Count > 4096)
            {
                foreach (var (key, reference) in Cache)
                {
                    if (!reference.TryGetTarget(out _))
                    {
                        Cache.TryRemove(key, out _);
                    }
                }
            }
        }

        return program;
    }

    public bool IsState(string key) => States.ContainsKey(key);

    public bool IsComputed(string key) => Computeds.ContainsKey(key);

    private static HandlerNode Resolve(PanelNode panel, IHandlerOwner owner) =>
        owner.Handler ?? panel.Logic!.NamedHandler(owner.HandlerRef!)!;
}

/// <summary>A State: its name, its type and its initial value (its default, or the type's default).</summary>
internal sealed record StateSpec(string Name, string Type, JsonElement Initial)
{
    public static StateSpec From(StateNode state) => new(state.Name!, state.Type!, TypedDefault(state.Type!, state.Default));

    public static JsonElement TypedDefault(string type, string? text) =>
        text is not null && ValueTypes.TryParseDefault(type, text, out var value, out _) ? value : ValueTypes.DefaultOf(type);
}

/// <summary>A Computed: its name, its index among computeds, its script and the keys it reads statically.</summary>
internal sealed record ComputedSpec(string Name, int Index, ScriptSource Script, IReadOnlyList<string> StaticDependencies);

/// <summary>A Tool or Lifecycle: its handler's script, its capabilities and its arguments.</summary>
internal sealed record HandlerSpec(string Name, string? Description, ScriptSource Script, CapabilitySet Capabilities, IReadOnlyList<ArgSpec> Args)
{
    public static HandlerSpec For(string name, IHandlerOwner owner, HandlerNode handler, HandlerAnalysis analysis, IEnumerable<ArgNode> args) => new(
        name,
        (owner as ToolNode)?.Description,
        ScriptSource.ForHandler(handler, (owner is ToolNode ? "tool:" : "lifecycle:") + name),
        analysis.Capabilities,
        [.. args.Select(ArgSpec.From)]);
}

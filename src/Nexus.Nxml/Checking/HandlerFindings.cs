using System.Collections.Immutable;
using Nexus.Nxml.Capabilities;
using Nexus.Nxml.Checking.Js;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Checking;

/// <summary>
/// Collects handler analyses while the checker runs; each handler's code is analysed once even when shared
/// (<c>Find(handler) ?? Add(handler, analysis)</c>).
/// </summary>
internal sealed class HandlerFindings
{
    private readonly Dictionary<HandlerNode, JsFacts> _facts = new(ReferenceEqualityComparer.Instance);

    public Dictionary<string, (IHandlerOwner Owner, JsFacts Facts)> Tools { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (IHandlerOwner Owner, JsFacts Facts)> Lifecycles { get; } = new(StringComparer.Ordinal);

    /// <summary>The facts of a handler analysed before, or null.</summary>
    public JsFacts? Find(HandlerNode handler) => _facts.GetValueOrDefault(handler);

    public JsFacts Add(HandlerNode handler, JsFacts facts)
    {
        _facts[handler] = facts;
        return facts;
    }

    /// <summary>The analysis the runtime uses; the per-handler summaries are built only when first asked for.</summary>
    public PanelAnalysis ToAnalysis(ImmutableDictionary<string, ImmutableArray<string>> computedDependencies)
    {
        var asyncHandlers = new Dictionary<HandlerNode, bool>(ReferenceEqualityComparer.Instance);
        foreach (var (handler, facts) in _facts)
        {
            asyncHandlers[handler] = facts.UsesAwait && facts.SyntaxError is null;
        }

        var tools = Tools;
        var lifecycles = Lifecycles;
        return new PanelAnalysis(
            new Lazy<ImmutableDictionary<string, HandlerAnalysis>>(() => Summarize(tools)),
            new Lazy<ImmutableDictionary<string, HandlerAnalysis>>(() => Summarize(lifecycles)),
            computedDependencies,
            asyncHandlers);
    }

    private static ImmutableDictionary<string, HandlerAnalysis> Summarize(Dictionary<string, (IHandlerOwner Owner, JsFacts Facts)> found) =>
        found.ToImmutableDictionary(pair => pair.Key, pair => Summarize(pair.Value.Owner, pair.Value.Facts), StringComparer.Ordinal);

    private static HandlerAnalysis Summarize(IHandlerOwner owner, JsFacts facts)
    {
        var declared = owner.Capabilities is { } list ? new CapabilitySet(list.SelectMany(Declared)) : null;
        return new HandlerAnalysis(
            declared ?? CapabilityInference.Infer(facts),
            declared is not null,
            facts.StateAccesses.Where(a => !a.IsWrite).Select(a => a.Key).ToImmutableHashSet(StringComparer.Ordinal),
            facts.StateAccesses.Where(a => a.IsWrite).Select(a => a.Key).Concat(facts.AliasedWrites).ToImmutableHashSet(StringComparer.Ordinal),
            facts.ToolReferences.Select(t => t.Name).ToImmutableHashSet(StringComparer.Ordinal),
            facts.ExtensionReferences.Select(e => e.Name).ToImmutableHashSet(StringComparer.Ordinal),
            facts.UsesAwait && facts.SyntaxError is null);
    }

    private static IEnumerable<Capability> Declared(CapabilityNode node) =>
        Capability.TryParseType(node.Type, out var kind) ? [new Capability(kind, node.Scope ?? Capability.AnyScope)] : [];
}

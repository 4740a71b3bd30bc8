using System.Collections.Immutable;
using Nexus.Nxml.Checking.Js;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Checking;

/// <summary>Collects handler analyses while the checker runs; each handler's code is analysed once even when shared.</summary>
internal sealed class HandlerFindings
{
    private readonly Dictionary<HandlerNode, JsFacts> _facts = new(ReferenceEqualityComparer.Instance);

    public Dictionary<string, HandlerAnalysis> Tools { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HandlerAnalysis> Lifecycles { get; } = new(StringComparer.Ordinal);

    public JsFacts Analyse(HandlerNode handler, Func<JsFacts> analyse)
    {
        if (!_facts.TryGetValue(handler, out var facts))
        {
            facts = analyse();
            _facts[handler] = facts;
        }

        return facts;
    }

    public PanelAnalysis ToAnalysis(ImmutableDictionary<string, ImmutableArray<string>> computedDependencies)
    {
        var asyncHandlers = new Dictionary<HandlerNode, bool>(ReferenceEqualityComparer.Instance);
        foreach (var (handler, facts) in _facts)
        {
            asyncHandlers[handler] = facts.UsesAwait && facts.SyntaxError is null;
        }

        return new PanelAnalysis(
            Tools.ToImmutableDictionary(StringComparer.Ordinal),
            Lifecycles.ToImmutableDictionary(StringComparer.Ordinal),
            computedDependencies,
            asyncHandlers);
    }
}

using System.Collections.Immutable;
using Nexus.Nxml.Checking.Js;
using Nexus.Nxml.Diagnostics;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Checking;

internal sealed partial class PanelChecker
{
    /// <summary>Checks States and Computed declarations and fills the shared state namespace.</summary>
    private void DeclareData()
    {
        foreach (var state in _panel.States)
        {
            var path = SyntaxPath.Of("data", "states", state.Name ?? "?");
            var nameMissing = Missing(state, "State", "name", state.Name, path);
            var typeMissing = Missing(state, "State", "type", state.Type, path);
            if (!nameMissing && ValidIdentifier(state, "name", state.Name!, "state", path))
            {
                DeclareStateName(state, state.Name!, path);
                _states.TryAdd(state.Name!, state);
            }

            if (!typeMissing)
            {
                CheckTypeAndDefault(state, "State", state.Type!, state.Default, path);
            }
        }

        foreach (var computed in _panel.Computeds)
        {
            var path = SyntaxPath.Of("data", "computed", computed.Name ?? "?");
            var nameMissing = Missing(computed, "Computed", "name", computed.Name, path);
            Missing(computed, "Computed", "value", computed.Value, path);
            if (!nameMissing && ValidIdentifier(computed, "name", computed.Name!, "computed", path))
            {
                DeclareStateName(computed, computed.Name!, path);
                _computeds.TryAdd(computed.Name!, computed);
            }
        }
    }

    private void DeclareStateName(SyntaxNode node, string name, SyntaxPath path)
    {
        SyntaxNode? first = _states.TryGetValue(name, out var state) ? state : _computeds.GetValueOrDefault(name);
        if (first is not null)
        {
            Report(
                DiagnosticCodes.DuplicateState,
                $"'{name}' is declared twice (first at {first.Span.Start}); states and computeds share one namespace",
                node.SpanOf("name"),
                path);
        }
    }

    /// <summary>Checks a State or Arg type and reads its default by that type.</summary>
    private void CheckTypeAndDefault(SyntaxNode node, string element, string type, string? defaultText, SyntaxPath path)
    {
        if (!ValueTypes.IsKnown(type))
        {
            Report(
                DiagnosticCodes.InvalidType,
                $"unknown type '{type}' on <{element}>: use one of {string.Join(", ", ValueTypes.All)}",
                node.SpanOf("type"),
                path);
            return;
        }

        if (defaultText is not null && !ValueTypes.IsValidDefault(type, defaultText, out var error))
        {
            Report(DiagnosticCodes.InvalidDefaultValue, $"invalid default for a {type}: {error}", node.SpanOf("default"), path);
        }
    }

    /// <summary>Checks every computed expression and reports dependency cycles; returns each computed's dependencies.</summary>
    private ImmutableDictionary<string, ImmutableArray<string>> CheckComputeds()
    {
        var dependencies = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var computed in _panel.Computeds)
        {
            if (computed.Value is null)
            {
                continue;
            }

            var path = SyntaxPath.Of("data", "computed", computed.Name ?? "?");
            var attribute = computed.Attribute("value")!;
            var code = JsCode.ForValue(_source, computed.Value, attribute.ValueSpan, 0, computed.Value.Length, computed.Span);
            var facts = CheckExpression(code, ScopeChain.None, path, "computed");
            if (computed.Name is not null && _computeds.TryGetValue(computed.Name, out var declared) && ReferenceEquals(declared, computed))
            {
                dependencies[computed.Name] = [.. facts.StateAccesses.Select(a => a.Key).Where(IsState).Distinct(StringComparer.Ordinal)];
            }
        }

        var result = dependencies.ToImmutable();
        ReportComputedCycles(result);
        return result;
    }

    private void ReportComputedCycles(ImmutableDictionary<string, ImmutableArray<string>> dependencies)
    {
        foreach (var cycle in DependencyCycles.Find(dependencies))
        {
            var name = cycle[0];
            var computed = _computeds[name];
            Report(
                DiagnosticCodes.CircularComputed,
                $"computed '{name}' depends on itself: {string.Join(" -> ", cycle)} -> {name}",
                computed.SpanOf("value"),
                SyntaxPath.Of("data", "computed", name));
        }
    }
}

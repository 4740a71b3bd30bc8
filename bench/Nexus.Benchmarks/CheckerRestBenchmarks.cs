using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Nexus.Nxml;
using Nexus.Nxml.Capabilities;
using Nexus.Nxml.Checking;
using Nexus.Nxml.Checking.Js;
using Nexus.Nxml.Syntax;

namespace Nexus.Benchmarks;

/// <summary>
/// Parts of PanelChecker outside its JavaScript analysis, over the whole corpus, measured through the library's
/// public and internal APIs. <see cref="Summaries"/> and <see cref="ViewPaths"/> repeat what private checker code
/// does (PanelChecker.Summarize; the diagnostic paths CheckComponent builds for every prop and child) because
/// that code cannot be called on its own; the other two call the library directly.
/// </summary>
[MemoryDiagnoser]
[Input(InputKind.Corpus)]
public class CheckerRestBenchmarks
{
    private (string Type, string Default)[] _defaults = [];
    private string[] _interpolated = [];
    private JsFacts[] _toolFacts = [];
    private ComponentNode[] _views = [];

    [GlobalSetup]
    public void Setup()
    {
        var panels = Corpus.Shared.Files
            .Select(f => (f.Text, Panel: NxmlDocument.Parse(f.Text).Panel ?? throw new InvalidOperationException($"{f.Name} does not parse")))
            .ToList();
        _defaults =
        [
            .. panels.SelectMany(p => p.Panel.States.Select(s => (s.Type, s.Default))
                .Concat(p.Panel.Tools.SelectMany(t => t.Args).Select(a => (a.Type, a.Default))))
                .Where(d => d.Type is not null && d.Default is not null && ValueTypes.IsKnown(d.Type))
                .Select(d => (d.Type!, d.Default!)),
        ];
        _interpolated = [.. panels.Where(p => p.Panel.View?.Root is not null).SelectMany(p => Values(p.Panel.View!.Root!))];
        _toolFacts =
        [
            .. panels.SelectMany(p => p.Panel.Tools.Where(t => t.Handler is not null)
                .Select(t => JsAnalyzer.AnalyzeHandler(JsCode.ForHandler(p.Text, t.Handler!)))),
        ];
        _views = [.. panels.Select(p => p.Panel.View?.Root).OfType<ComponentNode>()];
        Console.WriteLine($"// Checker rest: {_defaults.Length} typed defaults, {_interpolated.Length} view values, {_toolFacts.Length} tool summaries, {_views.Length} views");
    }

    /// <summary>ValueTypes.TryParseDefault on every State and Arg default (the checker discards the JsonElement it builds).</summary>
    [Benchmark]
    public int Defaults()
    {
        var ok = 0;
        foreach (var (type, text) in _defaults)
        {
            ok += ValueTypes.TryParseDefault(type, text, out _, out _) ? 1 : 0;
        }

        return ok;
    }

    /// <summary>ExpressionText.Parse on every view prop value and element text (finding the <c>{...}</c> parts).</summary>
    [Benchmark]
    public int Interpolation()
    {
        var parts = 0;
        foreach (var value in _interpolated)
        {
            parts += ExpressionText.Parse(value).Expressions.Count;
        }

        return parts;
    }

    /// <summary>What PanelChecker.Summarize does per tool: CapabilityInference.Infer and four ImmutableHashSets.</summary>
    [Benchmark]
    public int Summaries()
    {
        var n = 0;
        foreach (var facts in _toolFacts)
        {
            var capabilities = CapabilityInference.Infer(facts);
            var writes = facts.StateAccesses.Where(a => a.IsWrite).Select(a => a.Key).Concat(facts.AliasedWrites).ToImmutableHashSet(StringComparer.Ordinal);
            var reads = facts.StateAccesses.Where(a => !a.IsWrite).Select(a => a.Key).ToImmutableHashSet(StringComparer.Ordinal);
            var tools = facts.ToolReferences.Select(t => t.Name).ToImmutableHashSet(StringComparer.Ordinal);
            var extensions = facts.ExtensionReferences.Select(e => e.Name).ToImmutableHashSet(StringComparer.Ordinal);
            n += capabilities.Granted.Count + writes.Count + reads.Count + tools.Count + extensions.Count;
        }

        return n;
    }

    /// <summary>The diagnostic paths CheckComponent builds eagerly: path + ["props", name] per prop and path + ["children", i] per child.</summary>
    [Benchmark]
    public int ViewPaths()
    {
        var n = 0;
        foreach (var root in _views)
        {
            n += Paths(root, ["view", "root"]);
        }

        return n;
    }

    private static int Paths(ComponentNode component, ImmutableArray<string> path)
    {
        var n = 0;
        foreach (var attribute in component.IsImplicit ? [] : component.Attributes)
        {
            n += path.AddRange("props", attribute.Name).Length;
        }

        for (var i = 0; i < component.Children.Length; i++)
        {
            n += Paths(component.Children[i], path.AddRange("children", i.ToString(CultureInfo.InvariantCulture)));
        }

        return n;
    }

    private static IEnumerable<string> Values(ComponentNode component)
    {
        if (component.Text is { } text)
        {
            yield return text.Value;
        }

        foreach (var attribute in component.IsImplicit ? [] : component.Attributes)
        {
            if (attribute.Name is not ("id" or "trigger" or "key" or "colSpan" or "bind" or "as") && !ComponentCatalog.IsExpressionProp(component.Type, attribute.Name))
            {
                yield return attribute.Value;
            }
        }

        foreach (var child in component.Children)
        {
            foreach (var value in Values(child))
            {
                yield return value;
            }
        }
    }
}

using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;

namespace Nexus.Benchmarks.Runtime;

/// <summary>
/// View evaluations on a counter.nxml panel whose engine exists (one <c>inc</c> in the setup, so
/// <c>$state.count</c> is 1). One operation is one <c>EvaluateAsync</c>. The view rows evaluate values of the
/// panel's view, compiled with its program; the <c>Detached_</c> rows evaluate a string a host holds
/// (<c>EvaluateAsync(string)</c>), which is compiled on every call.
/// </summary>
/// <remarks>
/// Every detached evaluation adds a compiled script to the panel's program and to its engine, and nothing
/// removes it (see docs/performance.md). So that a run does not fill the heap, the detached rows replace their
/// panel and program every <see cref="DetachedPerPanel"/> evaluations (mount + first call, included in the
/// time: about 0.1 µs per evaluation).
/// </remarks>
[MemoryDiagnoser]
[OperationsPerSecond]
public class BindingBenchmarks
{
    public const int DetachedPerPanel = 10_000;

    private PanelInstance _panel = null!;
    private PanelInstance _interpolated = null!;
    private PanelInstance _detached = null!;
    private ComponentNode _countMetric = null!;
    private ComponentNode _doubledMetric = null!;
    private ComponentNode _text = null!;
    private int _detachedCalls;

    [GlobalSetup]
    public void Setup()
    {
        var document = RuntimePanels.Document(RuntimePanels.Counter);
        _panel = Started(document);
        _countMetric = RuntimePanels.Find(document, c => c.Type == "Metric" && c.Prop("value") == "{$state.count}");
        _doubledMetric = RuntimePanels.Find(document, c => c.Type == "Metric" && c.Prop("value") == "{$state.doubled}");

        var interpolated = RuntimePanels.CounterWithInterpolation();
        _interpolated = Started(interpolated);
        _text = RuntimePanels.Find(interpolated, c => c.Type == "Text" && c.Prop("content")?.StartsWith("Count: {", StringComparison.Ordinal) == true);
        RuntimePanels.ForgetPrograms(); // the detached panel gets a program of its own, so what it retains stays out of _panel's
        _detached = Started(document);

        Expect(_panel.EvaluateAsync(_countMetric, "value"), "1");
        Expect(_panel.EvaluateAsync(_doubledMetric, "value"), "2");
        Expect(_panel.EvaluateAsync(_countMetric, "trend"), "\"up\"");
        Expect(_interpolated.EvaluateAsync(_text, "content"), "\"Count: 1, doubled: 2\"");
        Expect(_detached.EvaluateAsync("{$state.count}"), "1");
        Expect(_detached.EvaluateAsync(DetachedInterpolation), "\"Count: 1, doubled: 2\"");
    }

    private const string DetachedInterpolation = "Count: {$state.count}, doubled: {$state.count * 2}";

    /// <summary><c>value="{$state.count}"</c>: a binding to a state.</summary>
    [Benchmark]
    public Task<JsonNode?> Binding_State() => _panel.EvaluateAsync(_countMetric, "value");

    /// <summary><c>value="{$state.doubled}"</c>: a binding to a computed (cached).</summary>
    [Benchmark]
    public Task<JsonNode?> Binding_Computed() => _panel.EvaluateAsync(_doubledMetric, "value");

    /// <summary><c>trend="{$state.isPositive ? 'up' : 'down'}"</c>: an expression, and the enum check of an enumerated prop.</summary>
    [Benchmark]
    public Task<JsonNode?> Binding_Conditional() => _panel.EvaluateAsync(_countMetric, "trend");

    /// <summary><c>content="Count: {$state.count}, doubled: {$state.count * 2}"</c>: an interpolation with two expressions.</summary>
    [Benchmark]
    public Task<JsonNode?> Interpolation() => _interpolated.EvaluateAsync(_text, "content");

    /// <summary><c>EvaluateAsync("{$state.count}")</c>.</summary>
    [Benchmark]
    public Task<JsonNode?> Detached_Binding() => Detached().EvaluateAsync("{$state.count}");

    /// <summary><c>EvaluateAsync("Count: {$state.count}, doubled: {$state.count * 2}")</c>.</summary>
    [Benchmark]
    public Task<JsonNode?> Detached_Interpolation() => Detached().EvaluateAsync(DetachedInterpolation);

    private PanelInstance Detached()
    {
        if (++_detachedCalls % DetachedPerPanel == 0)
        {
            RuntimePanels.ForgetPrograms();
            _detached = Started(RuntimePanels.Document(RuntimePanels.Counter));
        }

        return _detached;
    }

    private static PanelInstance Started(Nexus.Nxml.NxmlDocument document)
    {
        var panel = RuntimePanels.Mount(document).GetAwaiter().GetResult();
        RuntimePanels.Succeeded(panel.CallAsync("inc").GetAwaiter().GetResult());
        return panel;
    }

    private static void Expect(Task<JsonNode?> evaluation, string json)
    {
        var value = evaluation.GetAwaiter().GetResult();
        if (value?.ToJsonString() != json)
        {
            throw new InvalidOperationException($"expected {json}, got {value?.ToJsonString() ?? "null"}");
        }
    }
}

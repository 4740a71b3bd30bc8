using BenchmarkDotNet.Attributes;
using Nexus.Nxml;
using Nexus.Nxml.Checking;
using Nexus.Nxml.Checking.Js;
using Nexus.Nxml.Diagnostics;
using Nexus.Nxml.Layout;
using Nexus.Nxml.Parsing;
using Nexus.Nxml.Syntax;

namespace Nexus.Benchmarks;

/// <summary>
/// Where <see cref="NxmlDocument.Check(string, CheckOptions?)"/> spends its time, phase by phase, over the
/// whole corpus, through the library's internal APIs. Check = Reader + Builder + Checker + Finish, and
/// Checker = its JavaScript analysis (JsHandlers + JsSimpleExpressions + JsParsedExpressions) + the rest of
/// the semantic checks. MB/s and Alloc/KB of every phase are per corpus byte, so that phases add up.
/// </summary>
[MemoryDiagnoser]
[Input(InputKind.Corpus)]
public class PhaseBenchmarks
{
    private const int MaxDepth = 256;
    private CorpusFile[] _files = [];
    private MarkupResult[] _markup = [];
    private PanelNode[] _panels = [];
    private PanelAnalysis[] _analyses = [];
    private JsSnippet[] _handlers = [];
    private JsSnippet[] _simpleExpressions = [];
    private JsSnippet[] _parsedExpressions = [];
    private int _failingExpressions;

    [GlobalSetup]
    public void Setup()
    {
        _files = [.. Corpus.Shared.Files];
        _markup = [.. _files.Select(f => MarkupReader.Read(f.Text, MaxDepth))];
        _panels = [.. _files.Select((f, i) => PanelBuilder.Build(f.Text, _markup[i], []) ?? throw new InvalidOperationException($"{f.Name} does not build"))];
        _analyses = [.. _files.Select((f, i) => PanelChecker.Check(f.Text, _panels[i], CheckOptions.Default, []))];
        var js = new JsWorkload();
        for (var i = 0; i < _files.Length; i++)
        {
            js.Add(_files[i].Text, _panels[i]);
        }

        _handlers = [.. js.Handlers];
        _simpleExpressions = [.. js.SimpleExpressions];
        _parsedExpressions = [.. js.ParsedExpressions];
        _failingExpressions = js.FailingExpressions.Count;
        Console.WriteLine(
            $"// JS workload: {_handlers.Length} handlers, {_simpleExpressions.Length} fast-path expressions, {_parsedExpressions.Length} parsed expressions "
            + $"(of which {_failingExpressions} do not parse), "
            + $"{js.SnippetChars:N0} chars of code (split exact: {JsWorkload.SplitIsExact})");
    }

    /// <summary>MarkupReader.Read: the generic element tree with positions.</summary>
    [Benchmark]
    public int Reader()
    {
        var n = 0;
        foreach (var file in _files)
        {
            n += MarkupReader.Read(file.Text, MaxDepth).Root is null ? 0 : 1;
        }

        return n;
    }

    /// <summary>PanelBuilder.Build over pre-read element trees: the typed syntax tree (handler code normalised).</summary>
    [Benchmark]
    public int Builder()
    {
        var n = 0;
        for (var i = 0; i < _files.Length; i++)
        {
            n += PanelBuilder.Build(_files[i].Text, _markup[i], new List<Diagnostic>()) is null ? 0 : 1;
        }

        return n;
    }

    /// <summary>PanelChecker.Check over pre-built panels: every semantic rule, JavaScript analysis included.</summary>
    [Benchmark]
    public int Checker()
    {
        var n = 0;
        for (var i = 0; i < _files.Length; i++)
        {
            var diagnostics = new List<Diagnostic>();
            PanelChecker.Check(_files[i].Text, _panels[i], CheckOptions.Default, diagnostics);
            n += diagnostics.Count;
        }

        return n;
    }

    /// <summary>JsAnalyzer.AnalyzeHandler over every handler's code (the subset parser, Acornima where it declines, and the walk).</summary>
    [Benchmark]
    public int JsHandlers() => Analyze(_handlers, expression: false);

    /// <summary>JsAnalyzer.AnalyzeExpression over the plain-path expressions it answers without a parser.</summary>
    [Benchmark]
    public int JsSimpleExpressions() => Analyze(_simpleExpressions, expression: true);

    /// <summary>JsAnalyzer.AnalyzeExpression over the expressions it parses (the subset parser, Acornima where it declines).</summary>
    [Benchmark]
    public int JsParsedExpressions() => Analyze(_parsedExpressions, expression: true);

    /// <summary>What-if, not a phase of Check: <see cref="JsHandlers"/> with Acornima parsing every handler (the subset parser skipped).</summary>
    [Benchmark]
    public int JsHandlers_AcornimaOnly() => AcornimaOnly(() => Analyze(_handlers, expression: false));

    /// <summary>What-if, not a phase of Check: <see cref="JsParsedExpressions"/> with Acornima parsing every expression.</summary>
    [Benchmark]
    public int JsParsedExpressions_AcornimaOnly() => AcornimaOnly(() => Analyze(_parsedExpressions, expression: true));

    /// <summary>What Check does after the checker: mark async handlers, then the layout pass.</summary>
    [Benchmark]
    public int Finish()
    {
        var n = 0;
        for (var i = 0; i < _panels.Length; i++)
        {
            n += LayoutPass.Apply(_analyses[i].WithAsyncHandlers(_panels[i])).View is null ? 0 : 1;
        }

        return n;
    }

    private static int AcornimaOnly(Func<int> run)
    {
        JsAnalyzer.AcornimaOnly = true;
        try
        {
            return run();
        }
        finally
        {
            JsAnalyzer.AcornimaOnly = false;
        }
    }

    private static int Analyze(JsSnippet[] snippets, bool expression)
    {
        var n = 0;
        foreach (var s in snippets)
        {
            var facts = expression ? JsAnalyzer.AnalyzeExpression(s.Text, s.Start, s.Length) : JsAnalyzer.AnalyzeHandler(s.Text, s.Start, s.Length);
            n += facts.StateAccesses.Count;
        }

        return n;
    }
}

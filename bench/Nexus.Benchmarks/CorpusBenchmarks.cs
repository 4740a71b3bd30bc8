using BenchmarkDotNet.Attributes;
using Nexus.Nxml;
using Nexus.Nxml.Checking.Js;
using Nexus.Nxml.Layout;
using Nexus.Nxml.Syntax;

namespace Nexus.Benchmarks;

/// <summary>
/// The whole corpus per operation: NXML's parse, check and layout pass, and two physical baselines over the
/// same text (System.Xml.XmlReader, and a bare '&lt;'/'&gt;' scan). XmlReader cannot read every NXML file
/// (raw handler code, lenient attribute values), so it runs on the files it can read, and so does
/// <see cref="Parse_XmlReadable"/>: those two compare like with like.
/// </summary>
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private CorpusFile[] _files = [];
    private CorpusFile[] _xmlReadable = [];
    private PanelNode[] _panels = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Corpus.Shared; // throws when the corpus is missing or does not check clean
        _files = [.. corpus.Files];
        _xmlReadable = [.. corpus.XmlReadable];
        _panels = [.. _files.Select(f => NxmlDocument.Parse(f.Text).Panel ?? throw new InvalidOperationException($"{f.Name} does not parse"))];
    }

    /// <summary>A physical floor: finds every '&lt;' and '&gt;' with a vectorised search, nothing else.</summary>
    [Benchmark]
    [Input(InputKind.Corpus)]
    public int Scan()
    {
        var count = 0;
        foreach (var file in _files)
        {
            var text = file.Text.AsSpan();
            int at;
            while ((at = text.IndexOfAny('<', '>')) >= 0)
            {
                count++;
                text = text[(at + 1)..];
            }
        }

        return count;
    }

    /// <summary>XmlReader over the files it can read: every node, every attribute value, no DTD.</summary>
    [Benchmark]
    [Input(InputKind.XmlReadable)]
    public long XmlReader_XmlReadable()
    {
        long checksum = 0;
        foreach (var file in _xmlReadable)
        {
            checksum += Corpus.ReadWithXmlReader(file.Text);
        }

        return checksum;
    }

    /// <summary>NXML parse over exactly the files XmlReader reads.</summary>
    [Benchmark]
    [Input(InputKind.XmlReadable)]
    public int Parse_XmlReadable()
    {
        var nodes = 0;
        foreach (var file in _xmlReadable)
        {
            nodes += NxmlDocument.Parse(file.Text).Diagnostics.Length + 1;
        }

        return nodes;
    }

    /// <summary>NxmlDocument.Parse over the whole corpus: reader and typed tree, no checks, no layout.</summary>
    [Benchmark(Baseline = true)]
    [Input(InputKind.Corpus)]
    public int Parse()
    {
        var nodes = 0;
        foreach (var file in _files)
        {
            nodes += NxmlDocument.Parse(file.Text).Diagnostics.Length + 1;
        }

        return nodes;
    }

    /// <summary>NxmlDocument.Check over the whole corpus: parse, semantic checks with JavaScript analysis, layout.</summary>
    [Benchmark]
    [Input(InputKind.Corpus)]
    public int Check()
    {
        var diagnostics = 0;
        foreach (var file in _files)
        {
            diagnostics += NxmlDocument.Check(file.Text).Diagnostics.Length;
        }

        return diagnostics;
    }

    /// <summary>
    /// What-if, not the product: <see cref="Check"/> with every piece of JavaScript parsed by Acornima (the subset
    /// parser skipped), as the checker worked before it had one. The difference to Check is what the subset saves.
    /// </summary>
    [Benchmark]
    [Input(InputKind.Corpus)]
    public int Check_AcornimaOnly()
    {
        JsAnalyzer.AcornimaOnly = true;
        try
        {
            return Check();
        }
        finally
        {
            JsAnalyzer.AcornimaOnly = false;
        }
    }

    /// <summary>The layout pass alone over the eight pre-parsed panels.</summary>
    [Benchmark]
    [Input(InputKind.Corpus)]
    public int Layout()
    {
        var placed = 0;
        foreach (var panel in _panels)
        {
            placed += LayoutPass.Apply(panel).View is null ? 0 : 1;
        }

        return placed;
    }
}

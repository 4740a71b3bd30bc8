using BenchmarkDotNet.Attributes;
using Nexus.Nxml;

namespace Nexus.Benchmarks;

/// <summary>Parse and Check of each corpus file on its own.</summary>
[MemoryDiagnoser]
[Input(InputKind.File)]
public class FileBenchmarks
{
    private string _text = string.Empty;

    /// <summary>The corpus file names, in name order (the corpus is loaded and validated here).</summary>
    public static IEnumerable<string> Files => Corpus.Shared.Files.Select(f => f.Name);

    [ParamsSource(nameof(Files))]
    public string File { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => _text = Corpus.Shared[File].Text;

    [Benchmark]
    public NxmlDocument Parse() => NxmlDocument.Parse(_text);

    [Benchmark]
    public NxmlDocument Check() => NxmlDocument.Check(_text);
}

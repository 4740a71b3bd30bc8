using BenchmarkDotNet.Running;
using Nexus.Benchmarks;

// Usage: dotnet run -c Release --project bench/Nexus.Benchmarks -- [--corpus DIR] [BenchmarkDotNet options, e.g. --filter '*']
//        ... -- [--corpus DIR] --profile-loop parse|check|checker [SECONDS]   (a target for perf; see docs/performance.md)
// --corpus overrides where the corpus is (default ../shared/bench-corpus beside the repository root); it is passed
// to BenchmarkDotNet's child processes through the NEXUS_BENCH_CORPUS environment variable.
var rest = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--corpus" && i + 1 < args.Length)
    {
        Environment.SetEnvironmentVariable(Corpus.EnvironmentVariable, Path.GetFullPath(args[++i]));
    }
    else
    {
        rest.Add(args[i]);
    }
}

// Fail loudly, before BenchmarkDotNet starts, when the corpus is missing or does not check clean.
Corpus corpus;
try
{
    corpus = Corpus.Shared;
}
catch (Exception ex) when (ex is InvalidOperationException or IOException)
{
    Console.Error.WriteLine("benchmark corpus: " + ex.Message);
    return 2;
}

Console.WriteLine($"// Corpus: {corpus.Directory}: {corpus.Files.Count} files, {corpus.TotalBytes:N0} UTF-8 bytes");
Console.WriteLine($"// XmlReader reads {corpus.XmlReadable.Count} files ({corpus.XmlReadableBytes:N0} bytes): {string.Join(", ", corpus.XmlReadable.Select(f => f.Name))}");
foreach (var (file, reason) in corpus.XmlReaderFailures)
{
    Console.WriteLine($"//   XmlReader refuses {file}: {reason}");
}

// A --job on the command line replaces the Nexus job (BenchmarkDotNet would otherwise keep the configured one).
var commandLineJob = rest.Any(a => a is "--job" or "-j");
var loop = rest.IndexOf("--profile-loop");
if (loop >= 0)
{
    var seconds = loop + 2 < rest.Count ? double.Parse(rest[loop + 2], System.Globalization.CultureInfo.InvariantCulture) : 20;
    return ProfileLoop.Run(loop + 1 < rest.Count ? rest[loop + 1] : "check", seconds);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(CorpusBenchmarks).Assembly).Run([.. rest], BenchConfig.Create(withNexusJob: !commandLineJob));
var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;

using System.Globalization;
using BenchmarkDotNet.Running;
using Nexus.Benchmarks;
using Nexus.Benchmarks.Runtime;
using Nexus.Benchmarks.Workspace;

// Usage: dotnet run -c Release --project bench/Nexus.Benchmarks -- [--corpus DIR] [BenchmarkDotNet options, e.g. --filter '*']
//        ... -- [--corpus DIR] --profile-loop parse|check|checker|inc|record|mount|first-call|mount-large [SECONDS]   (a target for perf; see docs/performance.md)
//        ... -- [--corpus DIR] --cpu-time parse|xmlreader|check|checker [ROUNDS]   (thread CPU time per corpus pass: a quick A/B on a loaded machine)
//        ... -- [--corpus DIR] --latency [CALLS] [WARMUP_SECONDS]   (tool-call throughput and latency percentiles of the runtime)
//        ... -- [--corpus DIR] --memory [COPIES]                    (managed heap per mounted panel instance)
//        ... -- [--corpus DIR] --alloc-profile parse|check|checker|inc|record|mount|first-call [SECONDS]   (which types an operation allocates)
//        ... -- [--corpus DIR] --journal-load [SECONDS]             (acknowledged calls/s and latency percentiles with 1/16/64 callers)
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
    var seconds = loop + 2 < rest.Count ? double.Parse(rest[loop + 2], CultureInfo.InvariantCulture) : 20;
    return ProfileLoop.Run(loop + 1 < rest.Count ? rest[loop + 1] : "check", seconds);
}

var cpuTime = rest.IndexOf("--cpu-time");
if (cpuTime >= 0)
{
    var rounds = cpuTime + 2 < rest.Count ? int.Parse(rest[cpuTime + 2], CultureInfo.InvariantCulture) : 9;
    return CpuTimeLoop.Run(cpuTime + 1 < rest.Count ? rest[cpuTime + 1] : "check", rounds);
}

var allocations = rest.IndexOf("--alloc-profile");
if (allocations >= 0)
{
    var seconds = allocations + 2 < rest.Count ? double.Parse(rest[allocations + 2], CultureInfo.InvariantCulture) : 10;
    return AllocationProfile.Run(allocations + 1 < rest.Count ? rest[allocations + 1] : "inc", seconds);
}

var latency = rest.IndexOf("--latency");
if (latency >= 0)
{
    var calls = latency + 1 < rest.Count ? int.Parse(rest[latency + 1], CultureInfo.InvariantCulture) : 200_000;
    var warmup = latency + 2 < rest.Count ? double.Parse(rest[latency + 2], CultureInfo.InvariantCulture) : 5;
    return await LatencyRun.Run(calls, warmup);
}

var memory = rest.IndexOf("--memory");
if (memory >= 0)
{
    return await MemoryRun.Run(memory + 1 < rest.Count ? int.Parse(rest[memory + 1], CultureInfo.InvariantCulture) : 10_000);
}

var journalLoad = rest.IndexOf("--journal-load");
if (journalLoad >= 0)
{
    return await JournalLoadRun.Run(journalLoad + 1 < rest.Count ? double.Parse(rest[journalLoad + 1], CultureInfo.InvariantCulture) : 5);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(CorpusBenchmarks).Assembly).Run([.. rest], BenchConfig.Create(withNexusJob: !commandLineJob));
var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;

using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json.Nodes;
using Nexus.Reactor;

namespace Nexus.Benchmarks.Runtime;

/// <summary>
/// <c>--latency [CALLS] [WARMUP_SECONDS]</c>: a load generator, not a BenchmarkDotNet benchmark. Times every single tool call on
/// one panel with <see cref="Stopwatch"/> timestamps and prints calls per second and latency percentiles, which
/// BenchmarkDotNet cannot give for operations this short. Each scenario runs on a fresh counter.nxml panel (the
/// what-if row: counter.nxml without its computeds, see <see cref="RuntimePanels.CounterWithoutComputeds"/>): a
/// warm-up (so that tiered JIT and PGO settle), then <c>CALLS</c> timed calls (defaults: 200,000 calls, 5 s).
/// </summary>
/// <remarks>
/// A call's latency runs from just before <c>CallAsync</c> to just after its <c>await</c> resumes, so with calls
/// in flight it includes the time the call waited for the calls before it and the thread-pool hop back to its
/// client. Throughput is calls / wall time of the timed part. A failed call stops the run.
/// </remarks>
internal static class LatencyRun
{
    /// <summary><c>record</c> pushes onto a list that grows with every call; the list is emptied (by the panel's
    /// own <c>reset</c> tool, not timed) every this many pushes, so that it holds 0 to 99 items when pushed to.</summary>
    public const int ListBatch = 100;

    /// <summary>How many clients call concurrently in the "in flight" scenarios.</summary>
    private static readonly int[] ClientCounts = [4, 64];

    private static readonly JsonObject AddArgs = new() { ["amount"] = 1 };

    public static async Task<int> Run(int calls, double warmupSeconds)
    {
        if (calls < 1_000)
        {
            throw new ArgumentOutOfRangeException(nameof(calls), calls, "at least 1,000 calls");
        }

        PrintEnvironment(calls, warmupSeconds);
        var document = RuntimePanels.Document(RuntimePanels.Counter);
        var rows = new List<Row>();

        rows.Add(await Scenario("inc, sequential", calls, warmupSeconds, document, panel => Sequential(panel, "inc", null, calls)));
        rows.Add(await Scenario("what-if: inc without the two computeds, sequential", calls, warmupSeconds, RuntimePanels.CounterWithoutComputeds(), panel => Sequential(panel, "inc", null, calls)));
        rows.Add(await Scenario("add {amount: 1}, sequential", calls, warmupSeconds, document, panel => Sequential(panel, "add", AddArgs, calls)));
        rows.Add(await Scenario($"record (list 0–{ListBatch - 1} items), sequential", calls, warmupSeconds, document, panel => Pushes(panel, calls)));
        foreach (var clients in ClientCounts)
        {
            rows.Add(await Scenario($"inc, {clients} clients in flight", calls, warmupSeconds, document, panel => Concurrent(panel, "inc", clients, calls)));
        }

        Console.WriteLine();
        Console.WriteLine("| scenario | calls | calls/s | mean µs | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs | alloc B/call | gen0/1/2 GCs |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            Console.WriteLine(row.ToMarkdown());
        }

        return 0;
    }

    private static async Task<Row> Scenario(string name, int calls, double warmupSeconds, Nexus.Nxml.NxmlDocument document, Func<PanelInstance, Task<Sample>> measure)
    {
        var panel = await RuntimePanels.Mount(document);

        // Warm-up: the same workload, repeated until the time is up.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < warmupSeconds)
        {
            await measure(panel);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var sample = await measure(panel);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var collections = (GC.CollectionCount(0) - gcs.Item1, GC.CollectionCount(1) - gcs.Item2, GC.CollectionCount(2) - gcs.Item3);
        var row = new Row(name, sample, allocated, collections);
        Console.WriteLine($"// {name}: {row.CallsPerSecond:N0} calls/s, p50 {row.Percentile(0.5):N2} µs, p99 {row.Percentile(0.99):N2} µs");
        return row;
    }

    /// <summary>One client: each call awaited before the next.</summary>
    private static async Task<Sample> Sequential(PanelInstance panel, string tool, JsonObject? args, int calls)
    {
        var latencies = new long[calls];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            var before = Stopwatch.GetTimestamp();
            var result = await panel.CallAsync(tool, args);
            latencies[i] = Stopwatch.GetTimestamp() - before;
            RuntimePanels.Succeeded(result);
        }

        return new Sample(latencies, Stopwatch.GetTimestamp() - start);
    }

    /// <summary>
    /// <c>record</c>, awaited one by one, with the list emptied every <see cref="ListBatch"/> pushes. The resets
    /// are neither in the latencies nor in the wall time (throughput = pushes / time spent in pushes).
    /// </summary>
    private static async Task<Sample> Pushes(PanelInstance panel, int calls)
    {
        var latencies = new long[calls];
        long elapsed = 0;
        RuntimePanels.Succeeded(await panel.CallAsync("reset"));
        for (var i = 0; i < calls; i++)
        {
            if (i > 0 && i % ListBatch == 0)
            {
                RuntimePanels.Succeeded(await panel.CallAsync("reset"));
            }

            var before = Stopwatch.GetTimestamp();
            var result = await panel.CallAsync("record");
            latencies[i] = Stopwatch.GetTimestamp() - before;
            elapsed += latencies[i];
            RuntimePanels.Succeeded(result);
        }

        return new Sample(latencies, elapsed);
    }

    /// <summary><paramref name="clients"/> clients on the thread pool, each awaiting its calls one by one: that many calls in flight.</summary>
    private static async Task<Sample> Concurrent(PanelInstance panel, string tool, int clients, int calls)
    {
        var latencies = new long[calls];
        var perClient = calls / clients;
        var start = Stopwatch.GetTimestamp();
        var tasks = new Task[clients];
        for (var c = 0; c < clients; c++)
        {
            var first = c * perClient;
            var count = c == clients - 1 ? calls - first : perClient;
            tasks[c] = Task.Run(async () =>
            {
                for (var i = first; i < first + count; i++)
                {
                    var before = Stopwatch.GetTimestamp();
                    var result = await panel.CallAsync(tool);
                    latencies[i] = Stopwatch.GetTimestamp() - before;
                    RuntimePanels.Succeeded(result);
                }
            });
        }

        await Task.WhenAll(tasks);
        return new Sample(latencies, Stopwatch.GetTimestamp() - start);
    }

    private static void PrintEnvironment(int calls, double warmupSeconds)
    {
        Console.WriteLine($"// runtime latency: {calls:N0} timed calls per scenario after {warmupSeconds:N0} s of warm-up; fresh counter.nxml panel per scenario");
        Console.WriteLine($"// .NET {Environment.Version}, {Environment.ProcessorCount} processors, {(GCSettings.IsServerGC ? "server" : "workstation")} GC ({GCSettings.LatencyMode}), "
            + $"Stopwatch {Stopwatch.Frequency:N0} Hz, optimised build: {!typeof(LatencyRun).Assembly.GetCustomAttributes(false).OfType<DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled)}");
    }

    private sealed record Sample(long[] Latencies, long ElapsedTicks);

    private sealed class Row
    {
        private readonly long[] _sorted;

        public Row(string name, Sample sample, long allocated, (int, int, int) collections)
        {
            Name = name;
            _sorted = [.. sample.Latencies];
            Array.Sort(_sorted);
            Calls = _sorted.Length;
            CallsPerSecond = Calls / (sample.ElapsedTicks / (double)Stopwatch.Frequency);
            MeanMicroseconds = _sorted.Average() * 1e6 / Stopwatch.Frequency;
            AllocatedPerCall = allocated / (double)Calls;
            Collections = collections;
        }

        public string Name { get; }

        public int Calls { get; }

        public double CallsPerSecond { get; }

        public double MeanMicroseconds { get; }

        public double AllocatedPerCall { get; }

        public (int Gen0, int Gen1, int Gen2) Collections { get; }

        /// <summary>The nearest-rank percentile, in microseconds.</summary>
        public double Percentile(double p)
        {
            var rank = (int)Math.Ceiling(p * _sorted.Length);
            return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)] * 1e6 / Stopwatch.Frequency;
        }

        public string ToMarkdown() => string.Create(
            CultureInfo.InvariantCulture,
            $"| {Name} | {Calls:N0} | {CallsPerSecond:N0} | {MeanMicroseconds:N2} | {Percentile(0.5):N2} | {Percentile(0.9):N2} | {Percentile(0.99):N2} | {Percentile(0.999):N2} | {Percentile(1):N1} | {AllocatedPerCall:N0} | {Collections.Gen0}/{Collections.Gen1}/{Collections.Gen2} |");
    }
}

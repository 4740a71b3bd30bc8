using System.Diagnostics;
using System.Globalization;
using Nexus.Workspace;
using Nexus.Workspace.Hosting;

namespace Nexus.Benchmarks.Workspace;

/// <summary>
/// <c>--journal-load [SECONDS]</c>: a load generator, not a BenchmarkDotNet benchmark. For each durability, panel
/// count (1, 8) and number of callers (1, 16, 64), a fresh workspace of counter panels takes durable <c>inc</c>
/// calls from that many callers for SECONDS (default 5, after 1 s of warm-up), and the run prints acknowledged
/// calls per second and the latency percentiles of single calls, which BenchmarkDotNet's means do not show.
/// </summary>
/// <remarks>
/// A call's latency runs from just before <c>CallAsync</c> to just after its <c>await</c> resumes: the call, its
/// wait for the journal's flush (shared with the calls in flight) and the hop back to its caller. The persist
/// debounce is the default 500 ms, so the background commits are part of the mix, as in
/// <see cref="JournalThroughputBenchmarks"/>.
/// </remarks>
internal static class JournalLoadRun
{
    private static readonly int[] CallerCounts = [1, 16, 64];
    private static readonly int[] PanelCounts = [1, 8];
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(1);

    public static async Task<int> Run(double seconds)
    {
        if (seconds is < 1 or > 3_600)
        {
            Console.Error.WriteLine("--journal-load: SECONDS must be between 1 and 3,600");
            return 2;
        }

        Console.WriteLine($"// journal load: {seconds:N0} s per scenario after {Warmup.TotalSeconds:N0} s of warm-up; .NET {Environment.Version}, {Environment.ProcessorCount} processors");
        var rows = new List<string>();
        foreach (var durability in new[] { JournalDurability.Fsync, JournalDurability.OsBuffer })
        {
            foreach (var panels in PanelCounts)
            {
                foreach (var callers in CallerCounts)
                {
                    var row = await Scenario(durability, panels, callers, TimeSpan.FromSeconds(seconds));
                    Console.WriteLine("// " + row);
                    rows.Add(row);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| durability | panels | callers | calls | calls/s | p50 µs | p99 µs | p99.9 µs | max µs |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<string> Scenario(JournalDurability durability, int panelCount, int callers, TimeSpan duration)
    {
        var root = BenchWorkspaces.NewFolder("journal-load");
        try
        {
            var options = WorkspaceOptions.Default with { Durability = durability };
            var workspace = await BenchWorkspaces.CreateAsync(Path.Combine(root, "workspace"), panelCount, options);
            try
            {
                var panels = workspace.Panels.ToArray();
                await Drive(panels, callers, Warmup);
                var latencies = await Drive(panels, callers, duration);
                var calls = latencies.Sum(l => l.Count);
                var sorted = latencies.SelectMany(l => l).Order().ToArray();
                return string.Create(CultureInfo.InvariantCulture,
                    $"| {durability} | {panelCount} | {callers} | {calls:N0} | {calls / duration.TotalSeconds:N0} | {Micros(sorted, 0.5):N1} | {Micros(sorted, 0.99):N1} | {Micros(sorted, 0.999):N1} | {Micros(sorted, 1):N1} |");
            }
            finally
            {
                await workspace.DisposeAsync();
            }
        }
        finally
        {
            BenchWorkspaces.DeleteFolder(root);
        }
    }

    /// <summary>Each caller awaits its calls one by one until the time is up; returns every caller's call latencies (Stopwatch ticks).</summary>
    private static async Task<List<long>[]> Drive(HostedPanel[] panels, int callers, TimeSpan duration)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = Enumerable.Range(0, callers).Select(_ => new List<long>(1 << 16)).ToArray();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            for (var i = 0; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var before = Stopwatch.GetTimestamp();
                var result = await panels[(c + i) % panels.Length].CallAsync("inc");
                latencies[c].Add(Stopwatch.GetTimestamp() - before);
                BenchWorkspaces.Succeeded(result);
            }
        })));
        return latencies;
    }

    /// <summary>The nearest-rank percentile of sorted Stopwatch ticks, in microseconds.</summary>
    private static double Micros(long[] sorted, double p) => sorted.Length == 0
        ? 0
        : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)] * 1e6 / Stopwatch.Frequency;
}

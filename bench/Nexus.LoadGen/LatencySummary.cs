using System.Diagnostics;

namespace Nexus.LoadGen;

/// <summary>Exact percentiles of recorded latencies (every sample kept and sorted; nearest rank), in milliseconds.</summary>
internal sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0);

    /// <summary>Summarises latencies in Stopwatch ticks, gathered per client.</summary>
    public static LatencySummary FromTicks(IEnumerable<IEnumerable<long>> perClient)
    {
        var sorted = perClient.SelectMany(l => l).Order().ToArray();
        return sorted.Length == 0
            ? Empty
            : new LatencySummary(sorted.Length, Ms(sorted, 0.5), Ms(sorted, 0.9), Ms(sorted, 0.99), Ms(sorted, 0.999), Ms(sorted, 1));
    }

    /// <summary>The nearest-rank percentile: the smallest sample with at least <paramref name="p"/> of all samples at or below it.</summary>
    private static double Ms(long[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)] * 1e3 / Stopwatch.Frequency;
}

using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace Nexus.Benchmarks;

/// <summary>The configuration every run uses: one job sized for a 2-core machine, and the per-byte columns.</summary>
public static class BenchConfig
{
    /// <summary>
    /// 1 launch, 20 warmup and 20 measured iterations of about 500 ms each: all benchmarks run in about a quarter of
    /// an hour on 2 cores. The long warmup matters: Check runs about twice as slow for its first ~5 seconds (tiered
    /// JIT and dynamic PGO have not finished), and a shorter warmup measured that phase. Passing <c>--job</c> (e.g.
    /// <c>--job short</c> for a quick look) replaces this job.
    /// </summary>
    public static Job NexusJob { get; } = Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(20)
        .WithIterationCount(20)
        .WithIterationTime(TimeInterval.FromMilliseconds(500))
        .WithId("Nexus");

    /// <summary>The configuration; <paramref name="withNexusJob"/> false leaves the job to the command line.</summary>
    public static IConfig Create(bool withNexusJob = true) => (withNexusJob ? DefaultConfig.Instance.AddJob(NexusJob.AsDefault()) : DefaultConfig.Instance)
        .AddColumn(new InputBytesColumn(), new ThroughputColumn(), new AllocatedPerKbColumn())
        .AddColumn(StatisticColumn.Median)
        .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40).WithTimeUnit(TimeUnit.Microsecond))
        .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared))
        .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
}

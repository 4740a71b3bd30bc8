using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Nexus.Benchmarks;

/// <summary>What a benchmark reads, so that the columns can turn its mean time and allocations into per-byte figures.</summary>
public enum InputKind
{
    /// <summary>All corpus files.</summary>
    Corpus,

    /// <summary>The corpus files that XmlReader can read (see <see cref="Benchmarks.Corpus.XmlReadable"/>).</summary>
    XmlReadable,

    /// <summary>The one file named by the benchmark's <c>File</c> parameter.</summary>
    File,
}

/// <summary>Marks a benchmark method (or class) with the input it processes once per operation.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
public sealed class InputAttribute(InputKind kind) : Attribute
{
    public InputKind Kind { get; } = kind;
}

/// <summary>Shared logic of the two input columns.</summary>
public abstract class InputColumn : IColumn
{
    public abstract string Id { get; }

    public abstract string ColumnName { get; }

    public abstract string Legend { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    /// <summary>The UTF-8 bytes one operation of this benchmark reads, or null when it has no <see cref="InputAttribute"/>.</summary>
    public static long? InputBytes(BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var input = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<InputAttribute>()
            ?? benchmarkCase.Descriptor.Type.GetCustomAttribute<InputAttribute>();
        return input?.Kind switch
        {
            InputKind.Corpus => Corpus.Shared.TotalBytes,
            InputKind.XmlReadable => Corpus.Shared.XmlReadableBytes,
            InputKind.File => benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "File")?.Value is string file
                ? Corpus.Shared[file].Utf8Bytes
                : null,
            _ => null,
        };
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var report = summary[benchmarkCase];
        var bytes = InputBytes(benchmarkCase);
        var value = report is null || bytes is null or 0 ? null : Compute(report, benchmarkCase, bytes.Value);
        return value is { } v ? v.ToString(Format, CultureInfo.InvariantCulture) : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;

    protected abstract string Format { get; }

    protected abstract double? Compute(BenchmarkReport report, BenchmarkCase benchmarkCase, long inputBytes);
}

/// <summary>Throughput: input bytes (UTF-8) per mean operation time, in MB/s (10^6 bytes per second, as in the corpus README).</summary>
public sealed class ThroughputColumn : InputColumn
{
    public override string Id => "Nexus.Throughput";

    public override string ColumnName => "MB/s";

    public override string Legend => "Input UTF-8 bytes / Mean, in MB/s (1 MB = 10^6 bytes)";

    protected override string Format => "N1";

    protected override double? Compute(BenchmarkReport report, BenchmarkCase benchmarkCase, long inputBytes) =>
        report.ResultStatistics is { Mean: > 0 } stats ? inputBytes / (stats.Mean / 1e9) / 1e6 : null;
}

/// <summary>Managed memory allocated per KiB of input: allocated bytes per operation / (input bytes / 1024).</summary>
public sealed class AllocatedPerKbColumn : InputColumn
{
    public override string Id => "Nexus.AllocatedPerKb";

    public override string ColumnName => "Alloc/KB";

    public override string Legend => "Allocated bytes per operation / (input UTF-8 bytes / 1024): bytes allocated per KB of input";

    protected override string Format => "N0";

    protected override double? Compute(BenchmarkReport report, BenchmarkCase benchmarkCase, long inputBytes) =>
        report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) is { } allocated ? allocated / (inputBytes / 1024.0) : null;
}

/// <summary>The input one operation reads, in UTF-8 bytes (so that the per-byte columns can be checked by hand).</summary>
public sealed class InputBytesColumn : InputColumn
{
    public override string Id => "Nexus.InputBytes";

    public override string ColumnName => "Input B";

    public override string Legend => "UTF-8 bytes one operation reads";

    protected override string Format => "N0";

    protected override double? Compute(BenchmarkReport report, BenchmarkCase benchmarkCase, long inputBytes) => inputBytes;
}

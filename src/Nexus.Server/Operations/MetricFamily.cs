using System.Diagnostics.Metrics;
using System.Text;

namespace Nexus.Server.Operations;

/// <summary>One instrument's series, keyed by their label set.</summary>
internal sealed class MetricFamily
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly string _type;
    private readonly bool _cumulative;
    private readonly double[]? _buckets;

    public MetricFamily(Instrument instrument)
    {
        Name = instrument.Name;
        Help = instrument.Description ?? instrument.Name;
        var definition = instrument.GetType().GetGenericTypeDefinition();
        _buckets = instrument is Histogram<double> histogram
            ? [.. histogram.Advice?.HistogramBucketBoundaries ?? NexusMetrics.DurationBuckets]
            : null;
        _type = _buckets is not null ? "histogram" : definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>) ? "counter" : "gauge";

        // Counter and UpDownCounter report increments; observable instruments and histograms report values.
        _cumulative = definition == typeof(Counter<>) || definition == typeof(UpDownCounter<>);
    }

    public string Name { get; }

    public string Help { get; }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = FormatLabels(tags);
        lock (_lock)
        {
            if (!_series.TryGetValue(labels, out var series))
            {
                series = new Series(_buckets?.Length ?? 0);
                _series[labels] = series;
            }

            if (_buckets is not null)
            {
                series.Observe(value, _buckets);
            }
            else
            {
                series.Value = _cumulative ? series.Value + value : value;
            }
        }
    }

    public void WriteTo(StringBuilder text)
    {
        text.Append("# HELP ").Append(Name).Append(' ').Append(Help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        text.Append("# TYPE ").Append(Name).Append(' ').Append(_type).Append('\n');
        lock (_lock)
        {
            // A family nothing was recorded in yet shows a zero series, so dashboards see it from the start.
            var series = _series.Count > 0 ? _series : new Dictionary<string, Series> { [""] = new Series(_buckets?.Length ?? 0) };
            foreach (var (labels, values) in series.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (_buckets is null)
                {
                    Sample(text, Name, labels, values.Value);
                    continue;
                }

                long cumulative = 0;
                for (var i = 0; i < _buckets.Length; i++)
                {
                    cumulative += values.BucketCounts[i];
                    Sample(text, Name + "_bucket", WithLabel(labels, "le", Number(_buckets[i])), cumulative);
                }

                Sample(text, Name + "_bucket", WithLabel(labels, "le", "+Inf"), values.Count);
                Sample(text, Name + "_sum", labels, values.Sum);
                Sample(text, Name + "_count", labels, values.Count);
            }
        }
    }

    private static void Sample(StringBuilder text, string name, string labels, double value) =>
        text.Append(name).Append(labels).Append(' ').Append(Number(value)).Append('\n');

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string FormatLabels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return "";
        }

        var pairs = tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}=\"{Escape(Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")}\"");
        return "{" + string.Join(",", pairs) + "}";
    }

    private static string WithLabel(string labels, string name, string value) =>
        labels.Length == 0 ? $"{{{name}=\"{value}\"}}" : $"{labels[..^1]},{name}=\"{value}\"}}";

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private sealed class Series(int buckets)
    {
        public double Value { get; set; }

        public long[] BucketCounts { get; } = new long[buckets];

        public double Sum { get; private set; }

        public long Count { get; private set; }

        public void Observe(double value, double[] bounds)
        {
            var index = Array.FindIndex(bounds, b => value <= b);
            if (index >= 0)
            {
                BucketCounts[index]++;
            }

            Sum += value;
            Count++;
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Nexus.Server.Operations;

/// <summary>
/// Writes the instruments of <see cref="NexusMetrics"/> in the Prometheus text exposition format (0.0.4). A small
/// <see cref="MeterListener"/> aggregates measurements (counters summed, gauges last value, histograms by bucket)
/// because the OpenTelemetry Prometheus exporter is only published as a pre-release.
/// </summary>
internal sealed class PrometheusExposition : IDisposable
{
    /// <summary>The content type of the text exposition format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, MetricFamily> _families = new();

    public PrometheusExposition(NexusMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this host's meter: several hosts in one process (tests) each have their own.
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                listener.EnableMeasurementEvents(instrument, _families.GetOrAdd(instrument, i => new MetricFamily(i)));
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>The current values of every instrument, gauges observed now.</summary>
    public string Write()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var family in _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            family.WriteTo(text);
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();
}

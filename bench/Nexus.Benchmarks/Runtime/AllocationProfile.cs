using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Nexus.Benchmarks.Runtime;

/// <summary>
/// <c>--alloc-profile parse|check|checker|inc|record|mount|first-call [SECONDS]</c>: which types an operation allocates. The
/// runtime's own event source reports an allocation tick about every 100 KB allocated, naming the type of the
/// object that crossed the threshold; counting ticks by type gives each type's share of the bytes allocated
/// (a sample, so small shares are rough). Listens in process, with no tool to install.
/// </summary>
internal static class AllocationProfile
{
    public static int Run(string operation, double seconds)
    {
        var once = ProfileLoop.Operation(operation);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < 3)
        {
            once();
        }

        using var listener = new TickListener();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        long operations = 0;
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            once();
            operations++;
        }

        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var ticks = listener.Snapshot();
        var total = ticks.Values.Sum();
        Console.WriteLine($"// {operation}: {operations:N0} operations, {allocated / (double)operations:N0} B allocated per operation, {total:N0} allocation ticks");
        Console.WriteLine("| share | ≈ B per operation | type |");
        Console.WriteLine("|---:|---:|---|");
        foreach (var (type, count) in ticks.OrderByDescending(t => t.Value).Take(40))
        {
            var share = count / (double)total;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {share:P1} | {share * allocated / operations:N0} | `{type}` |"));
        }

        return 0;
    }

    private sealed class TickListener : EventListener
    {
        private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();

        public Dictionary<string, long> Snapshot()
        {
            lock (_gate)
            {
                return new Dictionary<string, long>(_ticks, StringComparer.Ordinal);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: GCAllocationTick
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
            {
                return;
            }

            var index = eventData.PayloadNames.IndexOf("TypeName");
            var type = index >= 0 ? eventData.Payload?[index] as string ?? "?" : "?";
            lock (_gate)
            {
                _ticks[type] = _ticks.GetValueOrDefault(type) + 1;
            }
        }
    }
}

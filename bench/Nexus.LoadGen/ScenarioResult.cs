namespace Nexus.LoadGen;

/// <summary>
/// One scenario run. <see cref="Latency"/> is per call for the ws and http scenarios and per delivery (driver's send
/// to a subscriber's receipt of the PATCH) for fan-out.
/// </summary>
internal sealed record ScenarioResult
{
    public required string Scenario { get; init; }

    public required int Clients { get; init; }

    public int Window { get; init; } = 1;

    public required double Seconds { get; init; }

    /// <summary>Calls completed inside the window (fan-out: triggers sent inside it).</summary>
    public required long Calls { get; init; }

    public double CallsPerSecond => Seconds > 0 ? Calls / Seconds : 0;

    public required LatencySummary Latency { get; init; }

    /// <summary>Failed calls: a RESULT or response that is not a success, an ERROR frame, a broken connection.</summary>
    public required long Errors { get; init; }

    /// <summary>The first error seen, for the report.</summary>
    public string? FirstError { get; init; }

    public required WindowUsage Usage { get; init; }

    /// <summary>Fan-out: the driver's triggers per second.</summary>
    public int? Rate { get; init; }

    /// <summary>Fan-out: PATCHes received by subscribers for the window's triggers.</summary>
    public long? Deliveries { get; init; }

    /// <summary>Fan-out: (subscriber, version) pairs of the window's triggers never received.</summary>
    public long? Missed { get; init; }

    /// <summary>Fan-out: the server's PATCH timestamp to the subscriber's receipt (same machine, same clock).</summary>
    public LatencySummary? ServerToSubscriber { get; init; }
}

/// <summary>What every scenario needs: the signed-in API client, the options and, when the generator started it, the server's CPU clock.</summary>
internal sealed record RunContext(NexusApi Api, LoadGenOptions Options, Func<TimeSpan>? ServerCpu)
{
    /// <summary>How long a scenario may overrun its window (draining in-flight calls) before it is abandoned.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
}

/// <summary>Counts failures from many clients and keeps the first message.</summary>
internal sealed class ErrorTally
{
    private long _count;
    private string? _first;

    public long Count => Interlocked.Read(ref _count);

    public string? First => Volatile.Read(ref _first);

    public void Add(string message)
    {
        Interlocked.Increment(ref _count);
        Interlocked.CompareExchange(ref _first, message, null);
    }
}

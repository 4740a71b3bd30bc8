namespace Nexus.LoadGen.Scenarios;

/// <summary>One closed-loop client: sends while the window runs, records the latencies (Stopwatch ticks) of its successful calls that complete inside it.</summary>
internal delegate Task ClosedLoopClient(int client, LoadWindow window, List<long> latencies, ErrorTally errors, CancellationToken cancellationToken);

/// <summary>What the ws and http scenarios share: the timeline, the deadline, CPU sampling and the result of N closed-loop clients.</summary>
internal static class ClosedLoop
{
    public static async Task<ScenarioResult> RunAsync(RunContext context, string scenario, int clients, int inFlight, ClosedLoopClient client, CancellationToken cancellationToken)
    {
        var window = LoadWindow.Plan(context.Options.Warmup, context.Options.Duration);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(context.Options.Warmup + context.Options.Duration + RunContext.Grace);
        var errors = new ErrorTally();
        var latencies = Enumerable.Range(0, clients).Select(_ => new List<long>(1 << 14)).ToArray();
        var usage = window.ObserveAsync(context.ServerCpu, deadline.Token);
        await Task.WhenAll(latencies.Select((l, c) => Task.Run(() => client(c, window, l, errors, deadline.Token), deadline.Token))).ConfigureAwait(false);
        return new ScenarioResult
        {
            Scenario = scenario,
            Clients = clients,
            Window = inFlight,
            Seconds = window.Length.TotalSeconds,
            Calls = latencies.Sum(l => (long)l.Count),
            Latency = LatencySummary.FromTicks(latencies),
            Errors = errors.Count,
            FirstError = errors.First,
            Usage = await usage.ConfigureAwait(false),
        };
    }
}

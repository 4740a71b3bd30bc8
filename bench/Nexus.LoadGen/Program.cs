using Nexus.LoadGen;
using Nexus.LoadGen.Scenarios;

// The server load generator: see LoadGenOptions.Usage and docs/performance.md ("Server").
var (options, error) = LoadGenOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("loadgen: " + error);
    Console.Error.WriteLine(LoadGenOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // finish through the finally blocks, so the child server is killed
    stop.Cancel();
};

ServerProcess? server = null;
try
{
    if (options.Url is null)
    {
        server = await ServerProcess.StartAsync(options.ServerDll, stop.Token);
        Console.WriteLine($"// server: pid {server.ProcessId} at {server.Url}");
    }

    using var api = await NexusApi.StartAsync(options.Url ?? server!.Url, stop.Token);
    var context = new RunContext(api, options, server is null ? null : () => server.CpuTime);
    var environment = RunEnvironment.Describe(options, server is not null);
    var results = new List<ScenarioResult>();
    for (var round = 1; round <= options.Repeat; round++)
    {
        foreach (var kind in options.Scenarios)
        {
            foreach (var clients in kind == ScenarioKind.FanOut ? [options.Subscribers] : options.Clients)
            {
                await api.KeepTokenFreshAsync(stop.Token);
                var result = kind switch
                {
                    ScenarioKind.WebSocket => await WebSocketCallsScenario.RunAsync(context, clients, hearPatches: false, stop.Token),
                    ScenarioKind.WebSocketWithPatches => await WebSocketCallsScenario.RunAsync(context, clients, hearPatches: true, stop.Token),
                    ScenarioKind.Http => await HttpCallsScenario.RunAsync(context, clients, stop.Token),
                    _ => await FanOutScenario.RunAsync(context, stop.Token),
                };
                Console.WriteLine($"// round {round}: {result.Scenario} {result.Clients} clients: {result.CallsPerSecond:N0}/s, p50 {result.Latency.P50Ms:0.00} ms, p99 {result.Latency.P99Ms:0.00} ms, errors {result.Errors}{(result.Missed is { } m ? $", missed {m}" : "")}");
                results.Add(result);
            }
        }
    }

    Console.WriteLine();
    Console.Write(Report.Markdown(environment, results));
    if (options.JsonFile is { } file)
    {
        await Report.WriteJsonAsync(file, environment, results, stop.Token);
        Console.WriteLine($"// JSON: {Path.GetFullPath(file)}");
    }

    return results.Any(r => r.Errors > 0 || r.Missed > 0) ? 1 : 0;
}
catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or HttpRequestException or System.Net.WebSockets.WebSocketException or OperationCanceledException)
{
    Console.Error.WriteLine("loadgen: " + exception.Message);
    return 1;
}
finally
{
    if (server is not null)
    {
        await server.DisposeAsync();
    }
}

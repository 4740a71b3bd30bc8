using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.LoadGen;

/// <summary>Where and how a run was made, for the report.</summary>
internal sealed record RunEnvironment(string Target, string Durability, int Processors, string Os, string Runtime, DateTimeOffset StartedAt, double WarmupSeconds, double DurationSeconds)
{
    public static RunEnvironment Describe(LoadGenOptions options, bool startedServer) => new(
        startedServer ? "a server started by the generator (Release, default settings, fresh data directory)" : options.Url!.ToString(),
        startedServer ? "journal fsync (the server's default)" : "as the target server is configured",
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        DateTimeOffset.UtcNow,
        options.Warmup.TotalSeconds,
        options.Duration.TotalSeconds);
}

/// <summary>The results as Markdown tables (printed) and as JSON (<c>--json</c>).</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Markdown(RunEnvironment environment, IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        Line(text, $"Target: {environment.Target}; durability: {environment.Durability}; {environment.Processors} processors; {environment.Os}; {environment.Runtime}; warm-up {environment.WarmupSeconds:0.#} s, measured {environment.DurationSeconds:0.#} s per run; started {environment.StartedAt:u}.");
        var calls = results.Where(r => r.Scenario != "fanout").ToList();
        if (calls.Count > 0)
        {
            Line(text, "");
            Line(text, "| scenario | clients | in flight per client | calls | calls/s | p50 ms | p90 ms | p99 ms | max ms | errors | server CPU (cores) | generator CPU (cores) | load avg before → after |");
            Line(text, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var r in calls)
            {
                Line(text, $"| {r.Scenario} | {r.Clients} | {r.Window} | {r.Calls:N0} | {r.CallsPerSecond:N0} | {r.Latency.P50Ms:0.00} | {r.Latency.P90Ms:0.00} | {r.Latency.P99Ms:0.00} | {r.Latency.MaxMs:0.00} | {r.Errors} | {Cores(r.Usage.ServerCores)} | {Cores(r.Usage.GeneratorCores)} | {r.Usage.LoadAverageBefore} → {r.Usage.LoadAverageAfter} |");
            }
        }

        var fanOut = results.Where(r => r.Scenario == "fanout").ToList();
        if (fanOut.Count > 0)
        {
            Line(text, "");
            Line(text, "| subscribers | triggers/s | triggers | deliveries | missed | p50 ms | p90 ms | p99 ms | max ms | server→subscriber p50 / p99 ms | errors | server CPU (cores) | generator CPU (cores) | load avg before → after |");
            Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|");
            foreach (var r in fanOut)
            {
                var lag = r.ServerToSubscriber ?? LatencySummary.Empty;
                Line(text, $"| {r.Clients} | {r.Rate} | {r.Calls:N0} | {r.Deliveries:N0} | {r.Missed:N0} | {r.Latency.P50Ms:0.00} | {r.Latency.P90Ms:0.00} | {r.Latency.P99Ms:0.00} | {r.Latency.MaxMs:0.00} | {lag.P50Ms:0.00} / {lag.P99Ms:0.00} | {r.Errors} | {Cores(r.Usage.ServerCores)} | {Cores(r.Usage.GeneratorCores)} | {r.Usage.LoadAverageBefore} → {r.Usage.LoadAverageAfter} |");
            }
        }

        foreach (var r in results.Where(r => r.FirstError is not null))
        {
            Line(text, $"first error of {r.Scenario} with {r.Clients} clients: {r.FirstError}");
        }

        return text.ToString();
    }

    public static async Task WriteJsonAsync(string file, RunEnvironment environment, IReadOnlyList<ScenarioResult> results, CancellationToken cancellationToken)
    {
        var stream = File.Create(file);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, new { environment, results }, Json, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Cores(double? cores) => cores is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

    private static void Line(StringBuilder text, string line) => text.AppendLine(line);
}

using System.Diagnostics.Metrics;
using Nexus.Server.Hosting;
using Nexus.Workspace.Hosting;

namespace Nexus.Server.Operations;

/// <summary>
/// The server's instruments (meter <see cref="MeterName"/>). Instrument names are already the Prometheus names that
/// <c>GET /metrics</c> shows. Workspaces report tool executions and commits as their <see cref="IWorkspaceObserver"/>;
/// the gauges read the <see cref="WorkspaceHost"/> once it has called <see cref="TrackWorkspaces"/>.
/// </summary>
public sealed class NexusMetrics : IWorkspaceObserver
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Nexus.Server";

    /// <summary>The upper bounds (seconds) of the tool duration histogram's buckets.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _toolExecutions;
    private readonly Histogram<double> _toolDuration;
    private readonly UpDownCounter<long> _webSocketConnections;
    private readonly Counter<long> _gitCommits;
    private readonly Counter<long> _llmTokens;

    public NexusMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        _toolExecutions = Meter.CreateCounter<long>("nexus_tool_executions_total", description: "Tool executions, by outcome (ok, error, ...).");
        _toolDuration = Meter.CreateHistogram<double>("nexus_tool_duration_seconds", unit: "s", description: "How long tool executions took.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _webSocketConnections = Meter.CreateUpDownCounter<long>("nexus_websocket_connections", description: "Open WebSocket connections.");
        _gitCommits = Meter.CreateCounter<long>("nexus_git_commits_total", description: "Commits written to workspace repositories.");
        _llmTokens = Meter.CreateCounter<long>("nexus_llm_tokens_total", description: "LLM tokens, by provider and direction (input, output).");
    }

    /// <summary>Creates the gauges that read the workspace host (called once, by the host; the host needs the metrics as its workspaces' observer, so it cannot be a constructor argument).</summary>
    public void TrackWorkspaces(WorkspaceHost workspaces)
    {
        ArgumentNullException.ThrowIfNull(workspaces);
        Meter.CreateObservableGauge("nexus_active_panels", () => workspaces.ActivePanelCount, description: "Running panels in open workspaces.");
        Meter.CreateObservableGauge("nexus_open_workspaces", () => workspaces.OpenWorkspaceCount, description: "Open workspaces.");
    }

    /// <summary>The meter every instrument belongs to.</summary>
    public Meter Meter { get; }

    /// <summary>Records one tool execution: its outcome (<c>success</c>, <c>error</c>) and how long it took.</summary>
    public void ToolExecuted(string panelId, string tool, string outcome, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        _toolExecutions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        _toolDuration.Record(duration.TotalSeconds);
    }

    /// <summary>A WebSocket connection opened (+1) or closed (-1).</summary>
    public void WebSocketConnectionsChanged(int delta) => _webSocketConnections.Add(delta);

    /// <summary>A commit was written to a workspace repository.</summary>
    public void Committed() => _gitCommits.Add(1);

    /// <summary>LLM tokens were used: <paramref name="direction"/> is <c>input</c> or <c>output</c>.</summary>
    public void LlmTokensUsed(string provider, string direction, long tokens)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(direction);
        _llmTokens.Add(tokens, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("direction", direction));
    }
}

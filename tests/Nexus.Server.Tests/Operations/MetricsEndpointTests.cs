using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Hosting;
using Nexus.Server.Operations;

namespace Nexus.Server.Tests.Operations;

/// <summary><c>/metrics</c>: the Prometheus text format with the server's instruments.</summary>
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Every_required_family_is_exposed_from_the_start()
    {
        await using var server = new TestServerFactory(_data.Path);
        using var client = server.CreateClient();

        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE nexus_tool_executions_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE nexus_tool_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE nexus_active_panels gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE nexus_websocket_connections gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE nexus_git_commits_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE nexus_llm_tokens_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("\nnexus_active_panels 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recorded_measurements_appear_with_their_labels_and_buckets()
    {
        await using var server = new TestServerFactory(_data.Path);
        using var client = server.CreateClient();
        var metrics = server.Services.GetRequiredService<NexusMetrics>();
        metrics.ToolExecuted("p", "t", "ok", TimeSpan.FromMilliseconds(20));
        metrics.ToolExecuted("p", "t", "ok", TimeSpan.FromSeconds(3));
        metrics.ToolExecuted("p", "t", "error", TimeSpan.FromMilliseconds(2));
        metrics.LlmTokensUsed("openai", "input", 120);
        metrics.LlmTokensUsed("openai", "input", 30);
        metrics.LlmTokensUsed("openai", "output", 7);
        metrics.WebSocketConnectionsChanged(+1);
        metrics.WebSocketConnectionsChanged(+1);
        metrics.WebSocketConnectionsChanged(-1);
        metrics.Committed();
        metrics.Committed();
        metrics.Committed();

        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("nexus_tool_executions_total{outcome=\"ok\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("nexus_tool_executions_total{outcome=\"error\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("nexus_tool_duration_seconds_bucket{le=\"0.005\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("nexus_tool_duration_seconds_bucket{le=\"0.025\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("nexus_tool_duration_seconds_bucket{le=\"2.5\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("nexus_tool_duration_seconds_bucket{le=\"5\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("nexus_tool_duration_seconds_bucket{le=\"+Inf\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("nexus_tool_duration_seconds_count 3\n", text, StringComparison.Ordinal);
        Assert.Contains("nexus_llm_tokens_total{direction=\"input\",provider=\"openai\"} 150\n", text, StringComparison.Ordinal);
        Assert.Contains("nexus_llm_tokens_total{direction=\"output\",provider=\"openai\"} 7\n", text, StringComparison.Ordinal);
        Assert.Contains("\nnexus_websocket_connections 1\n", text, StringComparison.Ordinal);
        Assert.Contains("\nnexus_git_commits_total 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_active_panels_gauge_counts_running_panels_of_open_workspaces()
    {
        await using var server = new TestServerFactory(_data.Path);
        using var client = server.CreateClient();
        var workspace = await server.Services.GetRequiredService<WorkspaceHost>().CreateAsync("metrics", "Metrics");
        await workspace.AddPanelAsync(TestServerPanels.Counter);

        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("\nnexus_active_panels 1\n", text, StringComparison.Ordinal);
        Assert.Contains("\nnexus_open_workspaces 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Label_values_are_escaped()
    {
        await using var server = new TestServerFactory(_data.Path);
        using var client = server.CreateClient();
        server.Services.GetRequiredService<NexusMetrics>().LlmTokensUsed("we\"ird\\name\n", "input", 1);

        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("provider=\"we\\\"ird\\\\name\\n\"", text, StringComparison.Ordinal);
    }
}

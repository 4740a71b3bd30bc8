using System.Globalization;
using System.Text.RegularExpressions;
using Nexus.Server.Tests.Api.Realtime;

namespace Nexus.Server.Tests.Operations;

/// <summary>The instruments of <c>/metrics</c> are fed by what really happens: tool calls, commits and open sockets.</summary>
public sealed partial class MetricsFeedTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Tool_calls_commits_and_open_sockets_are_counted()
    {
        await using var server = new SocketTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);
        var before = await ScrapeAsync(server);
        Assert.True(Value(before, "nexus_git_commits_total") >= 1, "adding the panel is a commit");

        using (var socket = await server.ConnectAsync(ws, ada))
        {
            await socket.ReceiveAsync("CONNECTED");
            await socket.SendAsync(new { type = "TRIGGER", tool = "inc", args = new { by = 2 }, requestId = "a" });
            Assert.Equal("success", (await socket.ReceiveAsync("RESULT")).GetProperty("status").GetString());
            await socket.SendAsync(new { type = "TRIGGER", tool = "inc", args = new { by = "two" }, requestId = "b" });
            Assert.Equal("error", (await socket.ReceiveAsync("RESULT")).GetProperty("status").GetString());

            var during = await ScrapeAsync(server);
            Assert.Equal(1, Value(during, "nexus_websocket_connections"));
            Assert.Equal(1, Value(during, "nexus_tool_executions_total{outcome=\"success\"}"));
            Assert.Equal(1, Value(during, "nexus_tool_executions_total{outcome=\"error\"}"));
            Assert.Equal(2, Value(during, "nexus_tool_duration_seconds_count"));
            await socket.Socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", TestContext.Current.CancellationToken);
        }

        // The server ends the session on its own schedule; the gauge must come back to zero.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        double open;
        while ((open = Value(await ScrapeAsync(server), "nexus_websocket_connections")) != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, open);

        // The debounced writer commits the new count: the commit counter moves on.
        deadline = DateTime.UtcNow.AddSeconds(20);
        double commits;
        while ((commits = Value(await ScrapeAsync(server), "nexus_git_commits_total")) <= Value(before, "nexus_git_commits_total") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(commits > Value(before, "nexus_git_commits_total"), "the state commit is counted");
    }

    private static Task<string> ScrapeAsync(SocketTestServer server) =>
        server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>The value of one sample line (name with its labels); 0 when the sample is not there yet.</summary>
    private static double Value(string exposition, string sample)
    {
        foreach (Match line in SampleLine().Matches(exposition))
        {
            if (line.Groups["sample"].Value == sample)
            {
                return double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    [GeneratedRegex(@"^(?<sample>[^#\s][^ ]*) (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}

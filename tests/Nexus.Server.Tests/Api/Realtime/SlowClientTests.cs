namespace Nexus.Server.Tests.Api.Realtime;

/// <summary>A client that stops reading, over real loopback TCP: the panel drops it and the others carry on.</summary>
public sealed class SlowClientTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_client_that_stops_reading_is_dropped_and_another_keeps_getting_patches()
    {
        await using var server = new SocketTestServer(_data.Path, subscriberCapacity: 2, settings: new Dictionary<string, string?>
        {
            ["Nexus:PanelSockets:SendQueueCapacity"] = "1",
            ["Nexus:PanelSockets:CloseTimeout"] = "00:00:01",
        }, kestrel: true);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);
        using var stalled = await server.ConnectOverTcpAsync(ws, ada);
        using var active = await server.ConnectOverTcpAsync(ws, ada);
        await active.ReceiveAsync("CONNECTED");
        Assert.Equal(2, await server.SubscriberCountAsync(ws));

        // Large values fill the stalled client's TCP buffers; then its queues, then the panel drops it.
        var big = new string('x', 48 * 1024);
        var sent = 0;
        while (await server.SubscriberCountAsync(ws) == 2 && sent < 2000)
        {
            sent++;
            await active.SendAsync(new { type = "SET", path = "$state.draft", value = big + sent, requestId = $"s{sent}" });
            var (result, patch) = await active.ReceiveResultAndPatchAsync();
            Assert.Equal("success", result.GetProperty("status").GetString());
            Assert.Equal(big + sent, patch.GetProperty("mutations")[0].GetProperty("value").GetString());
        }

        await active.SendAsync(new { type = "TRIGGER", tool = "inc", requestId = "after" });
        var (_, after) = await active.ReceiveResultAndPatchAsync();

        // More than its queues hold went by before the drop: the transport itself had backed up.
        Assert.True(sent > 3, $"dropped after {sent} changes");
        Assert.Equal(1, await server.SubscriberCountAsync(ws));
        Assert.Equal(1, after.GetProperty("mutations")[0].GetProperty("value").GetDouble());
    }
}

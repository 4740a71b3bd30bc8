using System.Net.WebSockets;
using Nexus.Server.Api.Realtime;

namespace Nexus.Server.Tests.Api.Realtime;

/// <summary>The socket's limits: message size, idle clients, settings validation; and the query-string token.</summary>
public sealed class SocketLimitsTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_message_over_the_size_limit_is_an_error_then_the_socket_is_closed()
    {
        await using var server = new SocketTestServer(_data.Path, settings: new Dictionary<string, string?> { ["Nexus:PanelSockets:MaxMessageBytes"] = "1024" });
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);
        using var client = await server.ConnectAsync(ws, ada);
        await client.ReceiveAsync("CONNECTED");

        await client.SendAsync(new { type = "SET", path = "$state.draft", value = new string('x', 4000), requestId = "big" });
        var error = await client.ReceiveAsync("ERROR");
        var status = await client.ReceiveCloseAsync();

        Assert.Equal("MESSAGE_TOO_LARGE", error.GetProperty("code").GetString());
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, status);
    }

    [Fact]
    public async Task A_client_that_never_answers_pings_is_closed_with_a_policy_violation()
    {
        await using var server = new SocketTestServer(_data.Path, settings: new Dictionary<string, string?>
        {
            ["Nexus:PanelSockets:PingInterval"] = "00:00:00.200",
            ["Nexus:PanelSockets:IdleTimeout"] = "00:00:00.500",
        });
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);
        using var client = await server.ConnectAsync(ws, ada);
        await client.ReceiveAsync("CONNECTED");

        var ping = await client.ReceiveAnyAsync();
        var status = await client.ReceiveCloseAsync();

        Assert.Equal("PING", ping.GetProperty("type").GetString());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
    }

    [Fact]
    public async Task The_token_may_come_in_the_query_string()
    {
        await using var server = new SocketTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);

        using var client = await server.ConnectAsync(ws, ada, tokenInQuery: true);
        var connected = await client.ReceiveAsync();

        Assert.Equal("CONNECTED", connected.GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_unknown_panel_is_404_before_the_upgrade()
    {
        await using var server = new SocketTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => server.ConnectAsync(ws, ada, panelId: "ghost"));

        Assert.Contains("404", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_settings_are_named()
    {
        var options = new PanelSocketOptions { PingInterval = TimeSpan.Zero, IdleTimeout = TimeSpan.FromSeconds(-1), MaxMessageBytes = 10, SendQueueCapacity = 0, SubscriberCapacity = 0 };

        var problems = options.Validate();

        Assert.Empty(new PanelSocketOptions().Validate());
        foreach (var name in (string[])["PingInterval", "IdleTimeout", "MaxMessageBytes", "SendQueueCapacity", "SubscriberCapacity"])
        {
            Assert.Contains(problems, p => p.Contains(name, StringComparison.Ordinal));
        }
    }
}

using Nexus.Server.Data;

namespace Nexus.Server.Tests.Api.Realtime;

/// <summary>The panel WebSocket through the real server: frames, filtering, refusals and a slow neighbour.</summary>
public sealed class SocketTests : IDisposable
{
    internal const string Counter = """
        <NexusPanel id="counter" title="Counter">
          <Data>
            <State name="count" type="number" default="0" />
            <State name="draft" type="string" default="" />
          </Data>
          <Logic>
            <Tool name="inc" description="Count one more">
              <Arg name="by" type="number" default="1" />
              <Handler>$state.count = $state.count + $args.by; return $state.count;</Handler>
            </Tool>
          </Logic>
          <View><Button label="+1" trigger="inc" /><Input bind="$state.draft" /></View>
        </NexusPanel>
        """;

    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Connected_comes_first_and_a_trigger_is_answered_and_patched_to_another_client()
    {
        await using var server = new SocketTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);
        using var first = await server.ConnectAsync(ws, ada);
        using var second = await server.ConnectAsync(ws, ada);

        var connected = await first.ReceiveAnyAsync();
        await second.ReceiveAsync("CONNECTED");
        await first.SendAsync(new { type = "TRIGGER", tool = "inc", args = new { by = 3 }, requestId = "r1" });
        var result = await first.ReceiveAsync("RESULT");
        var patch = await second.ReceiveAsync("PATCH");

        Assert.Equal("CONNECTED", connected.GetProperty("type").GetString());
        Assert.Equal("counter", connected.GetProperty("panelId").GetString());
        Assert.Equal(0, connected.GetProperty("state").GetProperty("count").GetDouble());
        Assert.Equal("r1", result.GetProperty("requestId").GetString());
        Assert.Equal("success", result.GetProperty("status").GetString());
        Assert.Equal(3, result.GetProperty("returnValue").GetDouble());
        Assert.Equal("count", result.GetProperty("mutations")[0].GetProperty("key").GetString());
        Assert.Equal("count", patch.GetProperty("mutations")[0].GetProperty("key").GetString());
        Assert.Equal(3, patch.GetProperty("mutations")[0].GetProperty("value").GetDouble());
        Assert.True(patch.GetProperty("version").GetInt64() > connected.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Set_writes_state_and_subscribe_filters_patches_to_its_keys()
    {
        await using var server = new SocketTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);
        using var writer = await server.ConnectAsync(ws, ada);
        using var listener = await server.ConnectAsync(ws, ada);
        await writer.ReceiveAsync("CONNECTED");
        await listener.ReceiveAsync("CONNECTED");

        await listener.SendAsync(new { type = "SUBSCRIBE", keys = new[] { "draft" } });
        await listener.SendAsync(new { type = "PONG" });
        // A SET from the listener itself proves its SUBSCRIBE was handled (messages are handled in order).
        await listener.SendAsync(new { type = "SET", path = "$state.draft", value = "a", requestId = "s0" });
        await listener.ReceiveResultAndPatchAsync();
        await writer.SendAsync(new { type = "TRIGGER", tool = "inc", requestId = "t1" });
        await writer.ReceiveAsync("RESULT");
        await writer.SendAsync(new { type = "SET", path = "$state.draft", value = "hello", requestId = "s1" });
        var set = await writer.ReceiveAsync("RESULT");
        var patch = await listener.ReceiveAsync("PATCH");

        Assert.Equal("s1", set.GetProperty("requestId").GetString());
        Assert.Equal("success", set.GetProperty("status").GetString());
        var mutation = Assert.Single(patch.GetProperty("mutations").EnumerateArray());
        Assert.Equal("draft", mutation.GetProperty("key").GetString());
        Assert.Equal("hello", mutation.GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_malformed_or_unknown_message_is_an_error_and_the_socket_stays_usable()
    {
        await using var server = new SocketTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);
        using var client = await server.ConnectAsync(ws, ada);
        await client.ReceiveAsync("CONNECTED");

        await client.SendTextAsync("{not json");
        var malformed = await client.ReceiveAsync();
        await client.SendAsync(new { type = "DANCE" });
        var unknown = await client.ReceiveAsync();
        await client.SendAsync(new { type = "TRIGGER", tool = "inc", requestId = "r2" });
        var result = await client.ReceiveAsync("RESULT");

        Assert.Equal("ERROR", malformed.GetProperty("type").GetString());
        Assert.Equal("BAD_MESSAGE", malformed.GetProperty("code").GetString());
        Assert.Equal("BAD_MESSAGE", unknown.GetProperty("code").GetString());
        Assert.Equal(1, result.GetProperty("returnValue").GetDouble());
    }

    [Fact]
    public async Task A_viewer_listens_but_a_trigger_is_forbidden()
    {
        await using var server = new SocketTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var vic = await server.SignUpAsync("vic@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);
        await server.AddMemberAsync(ws, vic, WorkspaceRole.Viewer);
        using var viewer = await server.ConnectAsync(ws, vic);
        using var owner = await server.ConnectAsync(ws, ada);
        await viewer.ReceiveAsync("CONNECTED");
        await owner.ReceiveAsync("CONNECTED");

        await viewer.SendAsync(new { type = "TRIGGER", tool = "inc", requestId = "v1" });
        var refused = await viewer.ReceiveAsync();
        await owner.SendAsync(new { type = "TRIGGER", tool = "inc", requestId = "o1" });
        var patch = await viewer.ReceiveAsync("PATCH");

        Assert.Equal("ERROR", refused.GetProperty("type").GetString());
        Assert.Equal("FORBIDDEN", refused.GetProperty("code").GetString());
        Assert.Equal("v1", refused.GetProperty("requestId").GetString());
        Assert.Equal(1, patch.GetProperty("mutations")[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task The_upgrade_is_401_without_a_token_and_404_for_another_users_workspace()
    {
        await using var server = new SocketTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var bob = await server.SignUpAsync("bob@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);

        var anonymous = await Assert.ThrowsAnyAsync<Exception>(() => server.ConnectAsync(ws, null));
        var stranger = await Assert.ThrowsAnyAsync<Exception>(() => server.ConnectAsync(ws, bob));

        Assert.Contains("401", anonymous.Message, StringComparison.Ordinal);
        Assert.Contains("404", stranger.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_never_reads_does_not_stop_another_from_getting_patches()
    {
        await using var server = new SocketTestServer(_data.Path, subscriberCapacity: 2);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);
        using var idle = await server.ConnectAsync(ws, ada);
        using var active = await server.ConnectAsync(ws, ada);
        await active.ReceiveAsync("CONNECTED");

        for (var i = 1; i <= 30; i++)
        {
            await active.SendAsync(new { type = "TRIGGER", tool = "inc", requestId = $"r{i}" });
            var (_, patch) = await active.ReceiveResultAndPatchAsync();
            Assert.Equal(i, patch.GetProperty("mutations")[0].GetProperty("value").GetDouble());
        }
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Hosting;

namespace Nexus.Server.Tests.Api.Realtime;

/// <summary>The frames a running handler and a source edit produce: PROGRESS, EVENT, VIEW and RELOADED.</summary>
public sealed class SocketFramesTests : IDisposable
{
    private const string Lively = """
        <NexusPanel id="lively" title="Lively">
          <Data>
            <State name="busy" type="boolean" default="false" />
            <State name="count" type="number" default="0" />
          </Data>
          <Logic>
            <Extension name="nexus.kv" alias="kv" />
            <Tool name="work" description="Work with a commit point">
              <Handler>
                $state.busy = true;
                await $ext.kv.set('last', 'now', 60);
                $state.busy = false;
                $state.count = $state.count + 1;
                $emit('toast', 'Done');
                $view.getElementById('label').setProp('content', 'changed');
                return $state.count;
              </Handler>
            </Tool>
          </Logic>
          <View>
            <Text id="label" content="hi" />
            <Button label="Go" trigger="work" />
          </View>
        </NexusPanel>
        """;

    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_handler_reports_progress_at_its_commit_point_then_its_event_and_view_update()
    {
        await using var server = new SocketTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);
        await (await server.Services.GetRequiredService<WorkspaceHost>().GetAsync(ws)).AddPanelAsync(Lively, "lively");
        using var socket = await server.ConnectAsync(ws, ada, "lively");
        await socket.ReceiveAsync("CONNECTED");

        await socket.SendAsync(new { type = "TRIGGER", tool = "work", requestId = "w1" });

        // Frames come in the order the panel produced them: the commit point's PROGRESS precedes the RESULT.
        var frames = new List<System.Text.Json.JsonElement>();
        do
        {
            frames.Add(await socket.ReceiveAnyAsync());
        }
        while (frames[^1].GetProperty("type").GetString() != "RESULT");

        var progress = Assert.Single(frames, f => f.GetProperty("type").GetString() == "PROGRESS");
        Assert.Equal("w1", progress.GetProperty("requestId").GetString());
        var busy = Assert.Single(progress.GetProperty("mutations").EnumerateArray());
        Assert.Equal("busy", busy.GetProperty("key").GetString());
        Assert.True(busy.GetProperty("value").GetBoolean());

        var result = frames[^1];
        Assert.Equal("success", result.GetProperty("status").GetString());
        Assert.Equal(1, result.GetProperty("returnValue").GetInt32());

        // The event and the transient view change reach the socket as they happen, before the RESULT that lists them.
        var toast = Assert.Single(frames, f => f.GetProperty("type").GetString() == "EVENT");
        Assert.Equal("toast", toast.GetProperty("name").GetString());
        Assert.Equal("Done", toast.GetProperty("payload").GetString());
        var view = Assert.Single(frames, f => f.GetProperty("type").GetString() == "VIEW");
        Assert.Equal("label", view.GetProperty("id").GetString());
        Assert.Equal("content", view.GetProperty("prop").GetString());
        Assert.Equal("changed", view.GetProperty("value").GetString());
        Assert.Equal("toast", Assert.Single(result.GetProperty("events").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_edit_of_the_source_is_announced_with_the_new_source()
    {
        await using var server = new SocketTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);
        using var socket = await server.ConnectAsync(ws, ada);
        await socket.ReceiveAsync("CONNECTED");
        var edited = SocketTests.Counter.Replace("title=\"Counter\"", "title=\"Tally\"", StringComparison.Ordinal);

        var put = await ApiCall.SendAsync(server.Client, HttpMethod.Put, $"/api/workspaces/{ws}/panels/counter/source", new { source = edited }, ada.Token);
        Assert.Equal(HttpStatusCode.OK, put.Status);

        var reloaded = await socket.ReceiveAsync("RELOADED");
        Assert.Contains("title=\"Tally\"", reloaded.GetProperty("source").GetString(), StringComparison.Ordinal);

        // The socket keeps working on the reloaded panel.
        await socket.SendAsync(new { type = "TRIGGER", tool = "inc", requestId = "after" });
        Assert.Equal("success", (await socket.ReceiveAsync("RESULT")).GetProperty("status").GetString());
    }
}

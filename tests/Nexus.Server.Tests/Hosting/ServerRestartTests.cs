using System.Net;
using Nexus.Server.Tests.Api.Realtime;

namespace Nexus.Server.Tests.Hosting;

/// <summary>
/// Everything a user made through the API is there after the server stops and a new one starts on the same data
/// directory: accounts, tokens, workspaces, members, panels, their state and their history.
/// </summary>
public sealed class ServerRestartTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Users_workspaces_panels_and_state_survive_a_restart()
    {
        string ws;
        string pat;
        await using (var first = new SocketTestServer(_data.Path))
        {
            var ada = await first.SignUpAsync("ada@example.org");
            await first.SignUpAsync("bob@example.org");
            ws = (await SendAsync(first, HttpMethod.Post, "/api/workspaces", ada.Token, new { name = "Lab", description = "kept" })).Json.GetProperty("id").GetString()!;
            Assert.Equal(HttpStatusCode.Created, (await SendAsync(first, HttpMethod.Post, $"/api/workspaces/{ws}/panels", ada.Token, new { panelId = "counter", source = SocketTests.Counter })).Status);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(first, HttpMethod.Put, $"/api/workspaces/{ws}/members", ada.Token, new { email = "bob@example.org", role = "viewer" })).Status);
            pat = (await SendAsync(first, HttpMethod.Post, "/api/auth/tokens", ada.Token, new { name = "cli" })).Json.GetProperty("token").GetString()!;

            // Tool calls over HTTP and over the socket, the last ones right before the stop: the stop must flush them.
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await SendAsync(first, HttpMethod.Post, $"/api/workspaces/{ws}/panels/counter/tools/inc", ada.Token, new { args = new { by = 1 } })).Status);
            }

            using var socket = await first.ConnectAsync(ws, ada);
            await socket.ReceiveAsync("CONNECTED");
            for (var i = 0; i < 20; i++)
            {
                await socket.SendAsync(new { type = "TRIGGER", tool = "inc", args = new { by = 2 }, requestId = $"r{i}" });
                Assert.Equal("success", (await socket.ReceiveAsync("RESULT")).GetProperty("status").GetString());
            }

            await socket.SendAsync(new { type = "SET", path = "$state.draft", value = "unsent note", requestId = "s" });
            Assert.Equal("success", (await socket.ReceiveAsync("RESULT")).GetProperty("status").GetString());
        }

        await using var second = new SocketTestServer(_data.Path);
        var login = await ApiCall.SendAsync(second.Client, HttpMethod.Post, "/api/auth/login", new { email = "ada@example.org", password = "correct-horse-7" }, bearer: null);
        Assert.Equal(HttpStatusCode.OK, login.Status);
        var token = login.Json.GetProperty("accessToken").GetString()!;

        var mine = (await SendAsync(second, HttpMethod.Get, "/api/workspaces", token, null)).Json;
        var lab = Assert.Single(mine.EnumerateArray());
        Assert.Equal(ws, lab.GetProperty("id").GetString());
        Assert.Equal("Lab", lab.GetProperty("name").GetString());
        Assert.Equal("owner", lab.GetProperty("role").GetString());

        var members = (await SendAsync(second, HttpMethod.Get, $"/api/workspaces/{ws}/members", token, null)).Body;
        Assert.Contains("bob@example.org", members, StringComparison.Ordinal);

        var panels = (await SendAsync(second, HttpMethod.Get, $"/api/workspaces/{ws}/panels", pat, null)).Json.GetProperty("panels");
        Assert.Equal("counter", Assert.Single(panels.EnumerateArray()).GetProperty("panelId").GetString());

        var state = (await SendAsync(second, HttpMethod.Get, $"/api/workspaces/{ws}/panels/counter/state", pat, null)).Json.GetProperty("state");
        Assert.Equal(45, state.GetProperty("count").GetInt32());
        Assert.Equal("unsent note", state.GetProperty("draft").GetString());

        var history = (await SendAsync(second, HttpMethod.Get, $"/api/workspaces/{ws}/panels/counter/history", pat, null)).Json;
        Assert.Contains(history.GetProperty("commits").EnumerateArray(), c => c.GetProperty("files").EnumerateArray().Any(f => f.GetString() == "state/counter.json"));

        var bobAgain = await ApiCall.SendAsync(second.Client, HttpMethod.Post, "/api/auth/login", new { email = "bob@example.org", password = "correct-horse-7" }, bearer: null);
        var bobToken = bobAgain.Json.GetProperty("accessToken").GetString()!;
        Assert.Equal("FORBIDDEN", (await SendAsync(second, HttpMethod.Post, $"/api/workspaces/{ws}/panels/counter/tools/inc", bobToken, new { args = new { by = 1 } })).Code);
    }

    private static Task<ApiResponse> SendAsync(SocketTestServer server, HttpMethod method, string path, string token, object? body) =>
        ApiCall.SendAsync(server.Client, method, path, body, token);
}

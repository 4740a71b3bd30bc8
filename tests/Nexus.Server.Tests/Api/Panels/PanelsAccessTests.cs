using System.Net;
using Nexus.Server.Data;

namespace Nexus.Server.Tests.Api.Panels;

/// <summary>Who may use which panel route: 401 without a token, 404 for non-members (IDOR), 403 for a viewer's writes.</summary>
public sealed class PanelsAccessTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    /// <summary>Every route, as (method, path under the panels root, body).</summary>
    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> Routes() =>
    [
        (HttpMethod.Get, "", null),
        (HttpMethod.Post, "", new { panelId = "other", source = PanelsApiTests.Counter }),
        (HttpMethod.Get, "/counter", null),
        (HttpMethod.Put, "/counter/source", new { source = PanelsApiTests.Counter }),
        (HttpMethod.Delete, "/counter", null),
        (HttpMethod.Get, "/counter/state", null),
        (HttpMethod.Post, "/counter/tools/inc", new { }),
        (HttpMethod.Get, "/counter/log", null),
        (HttpMethod.Get, "/counter/history", null),
    ];

    [Fact]
    public async Task Every_route_is_401_without_a_token_and_404_for_another_users_workspace()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var bob = await server.SignUpAsync("bob@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}/panels";
        await server.PostAsync(root, ada, new { source = PanelsApiTests.Counter });

        foreach (var (method, path, body) in Routes())
        {
            var anonymous = await Send(server, method, root + path, null, body);
            var stranger = await Send(server, method, root + path, bob, body);

            Assert.True(anonymous.Status == HttpStatusCode.Unauthorized, $"{method} {path}: {anonymous.Status}");
            Assert.True(stranger.Status == HttpStatusCode.NotFound, $"{method} {path}: {stranger.Status}");
            Assert.Equal("WORKSPACE_NOT_FOUND", stranger.Code);
        }

        var state = await server.GetAsync(root + "/counter/state", ada);
        var list = await server.GetAsync(root, ada);
        Assert.Equal(0, state.Json.GetProperty("state").GetProperty("count").GetDouble());
        Assert.Equal(1, list.Json.GetProperty("totalPanels").GetInt32());
    }

    [Fact]
    public async Task A_viewer_reads_but_every_write_is_403()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var vic = await server.SignUpAsync("vic@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        await server.AddMemberAsync(ws, vic, WorkspaceRole.Viewer);
        var root = $"/api/workspaces/{ws}/panels";
        await server.PostAsync(root, ada, new { source = PanelsApiTests.Counter });

        foreach (var (method, path, body) in Routes())
        {
            var response = await Send(server, method, root + path, vic, body);
            var expected = method == HttpMethod.Get ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(response.Status == expected, $"{method} {path}: {response.Status}");
        }

        var state = await server.GetAsync(root + "/counter/state", ada);
        Assert.Equal(0, state.Json.GetProperty("state").GetProperty("count").GetDouble());
    }

    [Fact]
    public async Task An_editor_may_call_tools()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var eve = await server.SignUpAsync("eve@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        await server.AddMemberAsync(ws, eve, WorkspaceRole.Editor);
        var root = $"/api/workspaces/{ws}/panels";
        await server.PostAsync(root, ada, new { source = PanelsApiTests.Counter });

        var call = await server.PostAsync(root + "/counter/tools/inc", eve, new { });

        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal(1, call.Json.GetProperty("returnValue").GetDouble());
    }

    private static Task<ApiResponse> Send(PanelsTestServer server, HttpMethod method, string path, TestUser? user, object? body) =>
        method.Method switch
        {
            "GET" => server.GetAsync(path, user),
            "POST" => server.PostAsync(path, user, body),
            "PUT" => server.PutAsync(path, user, body),
            _ => server.DeleteAsync(path, user),
        };
}

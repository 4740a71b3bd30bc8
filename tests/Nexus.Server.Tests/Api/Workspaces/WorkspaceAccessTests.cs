using System.Net;

namespace Nexus.Server.Tests.Api.Workspaces;

/// <summary>Every route: 401 without a token, 404 for a non-member (no existence leak), 403 for a viewer's writes.</summary>
public sealed class WorkspaceAccessTests : IDisposable
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    /// <summary>Every route that takes a workspace id, with a body that would be valid.</summary>
    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> WorkspaceRoutes(string ws, string memberId) =>
    [
        (HttpMethod.Get, $"/api/workspaces/{ws}", null),
        (HttpMethod.Patch, $"/api/workspaces/{ws}", new { name = "Taken" }),
        (HttpMethod.Delete, $"/api/workspaces/{ws}", null),
        (HttpMethod.Post, $"/api/workspaces/{ws}/clone", new { name = "Copy" }),
        (HttpMethod.Get, $"/api/workspaces/{ws}/members", null),
        (HttpMethod.Put, $"/api/workspaces/{ws}/members", new { email = "ada@example.org", role = "viewer" }),
        (HttpMethod.Delete, $"/api/workspaces/{ws}/members/{memberId}", null),
        (HttpMethod.Get, $"/api/workspaces/{ws}/commits", null),
        (HttpMethod.Get, $"/api/workspaces/{ws}/commits/{Sha}/diff", null),
        (HttpMethod.Post, $"/api/workspaces/{ws}/revert", new { sha = Sha }),
    ];

    [Fact]
    public async Task Every_route_is_401_without_a_token()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var ws = Guid.NewGuid().ToString();
        (HttpMethod, string, object?)[] routes =
        [
            .. WorkspaceRoutes(ws, Guid.NewGuid().ToString()),
            (HttpMethod.Get, "/api/workspaces", null),
            (HttpMethod.Post, "/api/workspaces", new { name = "Lab" }),
            (HttpMethod.Get, "/api/plans", null),
            (HttpMethod.Get, "/api/account/usage", null),
        ];

        foreach (var (method, path, body) in routes)
        {
            var response = await server.SendAsync(method, path, body);
            Assert.True(response.Status == HttpStatusCode.Unauthorized, $"{method} {path} answered {response.Status}");
        }
    }

    [Fact]
    public async Task Every_workspace_route_is_404_for_another_user_and_changes_nothing()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, adaId) = await server.SignUpAsync("ada@example.org");
        var (mallory, _) = await server.SignUpAsync("mallory@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);

        foreach (var (method, path, body) in WorkspaceRoutes(ws, adaId))
        {
            var response = await server.SendAsync(method, path, body, mallory);
            Assert.True(response.Status == HttpStatusCode.NotFound, $"{method} {path} answered {response.Status}");
            Assert.Equal("WORKSPACE_NOT_FOUND", response.Code);
        }

        var still = await server.GetAsync("/api/workspaces/" + ws, ada);
        Assert.Equal("Lab", still.Json.GetProperty("name").GetString());
        Assert.Single((await server.GetAsync($"/api/workspaces/{ws}/members", ada)).Json.EnumerateArray());
        Assert.Empty((await server.GetAsync("/api/workspaces", mallory)).Json.EnumerateArray());
    }

    [Fact]
    public async Task A_malformed_workspace_id_is_404_like_an_unknown_one()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, _) = await server.SignUpAsync("ada@example.org");

        var malformed = await server.GetAsync("/api/workspaces/not-a-guid", ada);
        var unknown = await server.GetAsync("/api/workspaces/" + Guid.NewGuid(), ada);

        Assert.Equal((HttpStatusCode.NotFound, "WORKSPACE_NOT_FOUND"), (malformed.Status, malformed.Code));
        Assert.Equal((HttpStatusCode.NotFound, "WORKSPACE_NOT_FOUND"), (unknown.Status, unknown.Code));
    }

    [Fact]
    public async Task A_viewer_reads_but_every_write_is_403_and_an_editor_still_cannot_manage()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, adaId) = await server.SignUpAsync("ada@example.org");
        var (vic, _) = await server.SignUpAsync("vic@example.org");
        var (eve, _) = await server.SignUpAsync("eve@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        await server.AddMemberAsync(ada, ws, "vic@example.org", "viewer");
        await server.AddMemberAsync(ada, ws, "eve@example.org", "editor");
        var sha = (await server.GetAsync($"/api/workspaces/{ws}/commits", ada)).Json[0].GetProperty("sha").GetString();
        (HttpMethod, string, object?)[] ownerWrites =
        [
            (HttpMethod.Patch, $"/api/workspaces/{ws}", new { name = "Taken" }),
            (HttpMethod.Delete, $"/api/workspaces/{ws}", null),
            (HttpMethod.Put, $"/api/workspaces/{ws}/members", new { email = "vic@example.org", role = "owner" }),
            (HttpMethod.Delete, $"/api/workspaces/{ws}/members/{adaId}", null),
        ];

        foreach (var (method, path, body) in ownerWrites)
        {
            foreach (var token in new[] { vic, eve })
            {
                var response = await server.SendAsync(method, path, body, token);
                Assert.True(response.Status == HttpStatusCode.Forbidden, $"{method} {path} answered {response.Status}");
                Assert.Equal("FORBIDDEN", response.Code);
            }
        }

        var revert = await server.SendAsync(HttpMethod.Post, $"/api/workspaces/{ws}/revert", new { sha }, vic);
        var read = await server.GetAsync($"/api/workspaces/{ws}/commits/{sha}/diff", vic);
        var members = await server.GetAsync($"/api/workspaces/{ws}/members", vic);

        Assert.Equal((HttpStatusCode.Forbidden, "FORBIDDEN"), (revert.Status, revert.Code));
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(["owner", "viewer", "editor"], members.Json.Strings("role"));
        Assert.Equal("Lab", (await server.GetAsync("/api/workspaces/" + ws, ada)).Json.GetProperty("name").GetString());
    }
}

using System.Net;
using Nexus.Workspace;

namespace Nexus.Server.Tests.Api.Workspaces;

/// <summary>Members (add, change, remove, last owner), history, diffs and revert.</summary>
public sealed class MembersAndHistoryTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task The_owner_adds_changes_and_removes_members_and_the_last_owner_stays()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, adaId) = await server.SignUpAsync("ada@example.org");
        var (bob, bobId) = await server.SignUpAsync("bob@example.org");
        var id = await server.CreateWorkspaceAsync(ada);

        var added = await server.SendAsync(HttpMethod.Put, $"/api/workspaces/{id}/members", new { email = "BOB@example.org", role = "viewer" }, ada);
        var bobSees = await server.GetAsync("/api/workspaces/" + id, bob);
        await server.AddMemberAsync(ada, id, "bob@example.org", "editor");
        var members = await server.GetAsync($"/api/workspaces/{id}/members", bob);
        var unknown = await server.SendAsync(HttpMethod.Put, $"/api/workspaces/{id}/members", new { email = "nobody@example.org", role = "viewer" }, ada);
        var badRole = await server.SendAsync(HttpMethod.Put, $"/api/workspaces/{id}/members", new { email = "bob@example.org", role = "admin" }, ada);
        var demoteLastOwner = await server.SendAsync(HttpMethod.Put, $"/api/workspaces/{id}/members", new { email = "ada@example.org", role = "editor" }, ada);
        var removeLastOwner = await server.SendAsync(HttpMethod.Delete, $"/api/workspaces/{id}/members/{adaId}", body: null, ada);
        var removed = await server.SendAsync(HttpMethod.Delete, $"/api/workspaces/{id}/members/{bobId}", body: null, ada);
        var removedAgain = await server.SendAsync(HttpMethod.Delete, $"/api/workspaces/{id}/members/{bobId}", body: null, ada);
        var bobAfter = await server.GetAsync("/api/workspaces/" + id, bob);

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal("viewer", added.Json.GetProperty("role").GetString());
        Assert.Equal(bobId, added.Json.GetProperty("userId").GetString());
        Assert.Equal("viewer", bobSees.Json.GetProperty("role").GetString());
        Assert.Equal([adaId, bobId], members.Json.Strings("userId"));
        Assert.Equal(["owner", "editor"], members.Json.Strings("role"));
        Assert.Equal(["ada@example.org", "bob@example.org"], members.Json.Strings("email"));
        Assert.Equal((HttpStatusCode.NotFound, "USER_NOT_FOUND"), (unknown.Status, unknown.Code));
        Assert.Equal(HttpStatusCode.BadRequest, badRole.Status);
        Assert.Equal((HttpStatusCode.Conflict, "LAST_OWNER"), (demoteLastOwner.Status, demoteLastOwner.Code));
        Assert.Equal((HttpStatusCode.Conflict, "LAST_OWNER"), (removeLastOwner.Status, removeLastOwner.Code));
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal((HttpStatusCode.NotFound, "MEMBER_NOT_FOUND"), (removedAgain.Status, removedAgain.Code));
        Assert.Equal(HttpStatusCode.NotFound, bobAfter.Status);
    }

    [Fact]
    public async Task History_lists_commits_filters_by_path_limits_and_shows_diffs()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, _) = await server.SignUpAsync("ada@example.org");
        var id = await server.CreateWorkspaceAsync(ada);
        var panel = await (await server.LiveAsync(id)).AddPanelAsync(TestServerPanels.Counter);

        var all = await server.GetAsync($"/api/workspaces/{id}/commits", ada);
        var one = await server.GetAsync($"/api/workspaces/{id}/commits?limit=1", ada);
        var panelOnly = await server.GetAsync($"/api/workspaces/{id}/commits?path={WorkspacePaths.PanelSource(panel.PanelId)}", ada);
        var tooMany = await server.GetAsync($"/api/workspaces/{id}/commits?limit=100000", ada);
        var badPath = await server.GetAsync($"/api/workspaces/{id}/commits?path=../etc", ada);
        var newest = all.Json[0];
        var diff = await server.GetAsync($"/api/workspaces/{id}/commits/{newest.GetProperty("sha").GetString()}/diff", ada);
        var unknown = await server.GetAsync($"/api/workspaces/{id}/commits/{new string('a', 40)}/diff", ada);
        var notSha = await server.GetAsync($"/api/workspaces/{id}/commits/HEAD/diff", ada);

        Assert.True(all.Json.GetArrayLength() >= 2);
        Assert.Single(one.Json.EnumerateArray());
        Assert.Equal(newest.GetProperty("sha").GetString(), Assert.Single(panelOnly.Json.EnumerateArray()).GetProperty("sha").GetString());
        Assert.Contains(WorkspacePaths.PanelSource(panel.PanelId), newest.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.False(string.IsNullOrEmpty(newest.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(newest.GetProperty("author").GetString()));
        Assert.True(newest.TryGetProperty("timestamp", out _));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badPath.Status);
        Assert.Contains("+++ b/" + WorkspacePaths.PanelSource(panel.PanelId), diff.Json.GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, "COMMIT_NOT_FOUND"), (unknown.Status, unknown.Code));
        Assert.Equal((HttpStatusCode.NotFound, "COMMIT_NOT_FOUND"), (notSha.Status, notSha.Code));
    }

    [Fact]
    public async Task Revert_by_an_editor_undoes_a_commit_in_the_live_workspace()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, _) = await server.SignUpAsync("ada@example.org");
        var (bob, _) = await server.SignUpAsync("bob@example.org");
        var id = await server.CreateWorkspaceAsync(ada);
        await server.AddMemberAsync(ada, id, "bob@example.org", "editor");
        var live = await server.LiveAsync(id);
        var panel = await live.AddPanelAsync(TestServerPanels.Counter);
        var added = (await server.GetAsync($"/api/workspaces/{id}/commits?limit=1", ada)).Json[0].GetProperty("sha").GetString();

        var reverted = await server.SendAsync(HttpMethod.Post, $"/api/workspaces/{id}/revert", new { sha = added }, bob);
        var head = (await server.GetAsync($"/api/workspaces/{id}/commits?limit=1", ada)).Json[0];
        var again = await server.SendAsync(HttpMethod.Post, $"/api/workspaces/{id}/revert", new { sha = added }, bob);
        var unknown = await server.SendAsync(HttpMethod.Post, $"/api/workspaces/{id}/revert", new { sha = new string('b', 40) }, bob);

        Assert.Equal(HttpStatusCode.OK, reverted.Status);
        Assert.Equal(head.GetProperty("sha").GetString(), reverted.Json.GetProperty("sha").GetString());
        Assert.Null(live.FindPanel(panel.PanelId));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal((HttpStatusCode.NotFound, "COMMIT_NOT_FOUND"), (unknown.Status, unknown.Code));
    }
}

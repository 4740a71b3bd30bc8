using System.Net;

namespace Nexus.Server.Tests.Api.Workspaces;

/// <summary>Create, list, read, rename, delete and clone, with the plan's workspace limit.</summary>
public sealed class WorkspaceLifecycleTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_created_workspace_has_a_record_a_folder_and_is_listed_with_the_owner_role()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, adaId) = await server.SignUpAsync("ada@example.org");

        var created = await server.SendAsync(HttpMethod.Post, "/api/workspaces", new { name = " Lab ", description = "experiments" }, ada);
        var id = created.Json.GetProperty("id").GetString()!;
        var list = await server.GetAsync("/api/workspaces", ada);
        var read = await server.GetAsync("/api/workspaces/" + id, ada);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("Lab", created.Json.GetProperty("name").GetString());
        Assert.Equal("experiments", created.Json.GetProperty("description").GetString());
        Assert.Equal("owner", created.Json.GetProperty("role").GetString());
        Assert.Equal(adaId, created.Json.GetProperty("ownerId").GetString());
        Assert.True(created.Json.TryGetProperty("createdAt", out _));
        Assert.True(server.FolderExists(id));
        Assert.Equal([id], list.Json.Strings("id"));
        Assert.Equal(["owner"], list.Json.Strings("role"));
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("Lab", read.Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_owner_renames_and_deletes_and_the_folder_goes_with_the_record()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, _) = await server.SignUpAsync("ada@example.org");
        var id = await server.CreateWorkspaceAsync(ada);

        var renamed = await server.SendAsync(HttpMethod.Patch, "/api/workspaces/" + id, new { name = "Bench", description = "tools" }, ada);
        var described = await server.SendAsync(HttpMethod.Patch, "/api/workspaces/" + id, new { description = "only this" }, ada);
        var blank = await server.SendAsync(HttpMethod.Patch, "/api/workspaces/" + id, new { name = "  " }, ada);
        var deleted = await server.SendAsync(HttpMethod.Delete, "/api/workspaces/" + id, body: null, ada);
        var after = await server.GetAsync("/api/workspaces/" + id, ada);
        var list = await server.GetAsync("/api/workspaces", ada);

        Assert.Equal("Bench", renamed.Json.GetProperty("name").GetString());
        Assert.Equal("tools", renamed.Json.GetProperty("description").GetString());
        Assert.Equal("Bench", described.Json.GetProperty("name").GetString());
        Assert.Equal("only this", described.Json.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
        Assert.False(server.FolderExists(id));
        Assert.Empty(list.Json.EnumerateArray());
    }

    [Fact]
    public async Task A_missing_name_is_400_and_creates_nothing()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, _) = await server.SignUpAsync("ada@example.org");

        var response = await server.SendAsync(HttpMethod.Post, "/api/workspaces", new { description = "no name" }, ada);
        var list = await server.GetAsync("/api/workspaces", ada);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_REQUEST", response.Code);
        Assert.Empty(list.Json.EnumerateArray());
    }

    [Fact]
    public async Task The_free_plan_allows_three_owned_workspaces_for_creates_and_clones()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, _) = await server.SignUpAsync("ada@example.org");
        var first = await server.CreateWorkspaceAsync(ada, "one");
        await server.CreateWorkspaceAsync(ada, "two");
        await server.CreateWorkspaceAsync(ada, "three");

        var fourth = await server.SendAsync(HttpMethod.Post, "/api/workspaces", new { name = "four" }, ada);
        var clone = await server.SendAsync(HttpMethod.Post, $"/api/workspaces/{first}/clone", new { name = "copy" }, ada);
        await server.SendAsync(HttpMethod.Delete, "/api/workspaces/" + first, body: null, ada);
        var afterDelete = await server.SendAsync(HttpMethod.Post, "/api/workspaces", new { name = "four" }, ada);
        var list = await server.GetAsync("/api/workspaces", ada);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Status);
        Assert.Equal("WORKSPACE_LIMIT", fourth.Code);
        Assert.Equal(HttpStatusCode.TooManyRequests, clone.Status);
        Assert.Equal("WORKSPACE_LIMIT", clone.Code);
        Assert.Equal(HttpStatusCode.Created, afterDelete.Status);
        Assert.Equal(["two", "three", "four"], list.Json.Strings("name"));
    }

    [Fact]
    public async Task Creates_racing_for_the_last_place_under_the_workspace_limit_let_exactly_one_through()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, _) = await server.SignUpAsync("ada@example.org");
        var first = await server.CreateWorkspaceAsync(ada, "one");
        await server.CreateWorkspaceAsync(ada, "two");

        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => i % 2 == 0
            ? server.SendAsync(HttpMethod.Post, "/api/workspaces", new { name = $"new {i}" }, ada)
            : server.SendAsync(HttpMethod.Post, $"/api/workspaces/{first}/clone", new { name = $"copy {i}" }, ada)));
        var list = await server.GetAsync("/api/workspaces", ada);

        Assert.Single(racing, r => r.Status == HttpStatusCode.Created);
        Assert.All(racing.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Equal("WORKSPACE_LIMIT", r.Code));
        Assert.Equal(3, list.Json.GetArrayLength());
    }

    [Fact]
    public async Task A_clone_belongs_to_the_caller_and_keeps_the_history()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, _) = await server.SignUpAsync("ada@example.org");
        var (bob, bobId) = await server.SignUpAsync("bob@example.org");
        var source = await server.CreateWorkspaceAsync(ada);
        await (await server.LiveAsync(source)).AddPanelAsync(TestServerPanels.Counter);
        await server.AddMemberAsync(ada, source, "bob@example.org", "viewer");
        var sourceShas = (await server.GetAsync($"/api/workspaces/{source}/commits", ada)).Json.Strings("sha");

        var clone = await server.SendAsync(HttpMethod.Post, $"/api/workspaces/{source}/clone", new { name = "Bob's copy" }, bob);
        var cloneId = clone.Json.GetProperty("id").GetString()!;
        var cloneShas = (await server.GetAsync($"/api/workspaces/{cloneId}/commits", bob)).Json.Strings("sha");
        var adaSees = await server.GetAsync("/api/workspaces/" + cloneId, ada);

        Assert.Equal(HttpStatusCode.Created, clone.Status);
        Assert.Equal("owner", clone.Json.GetProperty("role").GetString());
        Assert.Equal(bobId, clone.Json.GetProperty("ownerId").GetString());
        Assert.Equal("Bob's copy", clone.Json.GetProperty("name").GetString());
        Assert.True(sourceShas.Count >= 2);
        Assert.Equal(sourceShas, cloneShas.Skip(cloneShas.Count - sourceShas.Count).ToList());
        Assert.Single((await server.LiveAsync(cloneId)).Panels);
        Assert.Equal(HttpStatusCode.NotFound, adaSees.Status);
    }
}

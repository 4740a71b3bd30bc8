using System.Net;
using Nexus.Server.Data;
using Nexus.Server.Tests.Api.Panels;

namespace Nexus.Server.Tests.Api.Proposals;

/// <summary>Proposals through the real server: made on a shadow branch, reviewed, accepted into the live panels or rejected.</summary>
public sealed class ProposalsApiTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    internal static string Retitled(string title) => PanelsApiTests.Counter.Replace("title=\"Counter\"", $"title=\"{title}\"", StringComparison.Ordinal);

    internal static object Retitle(string title) => new
    {
        title = "Rename the counter to " + title,
        description = "clearer",
        changes = new[] { new { path = "panels/counter.nxml", content = Retitled(title) } },
    };

    [Fact]
    public async Task A_proposal_is_listed_reviewed_and_when_accepted_changes_the_live_panel()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}";
        await server.PostAsync(root + "/panels", ada, new { source = PanelsApiTests.Counter });

        var created = await server.PostAsync(root + "/proposals", ada, Retitle("Tally"));
        var id = created.Json.GetProperty("id").GetString();
        var untouched = await server.GetAsync(root + "/panels/counter", ada);
        var pending = await server.GetAsync(root + "/proposals?status=pending", ada);
        var review = await server.GetAsync($"{root}/proposals/{id}", ada);
        var accepted = await server.PostAsync($"{root}/proposals/{id}/accept", ada, null);
        var live = await server.GetAsync(root + "/panels/counter", ada);
        var applied = await server.GetAsync(root + "/proposals?status=applied", ada);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("pending", created.Json.GetProperty("status").GetString());
        Assert.Equal("shadow/" + id, created.Json.GetProperty("branch").GetString());
        Assert.Equal(PanelsApiTests.Counter, untouched.Json.GetProperty("source").GetString());

        Assert.Equal(id, Assert.Single(pending.Json.GetProperty("proposals").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("Rename the counter to Tally", review.Json.GetProperty("title").GetString());
        Assert.Equal(ada.Id.ToString("D"), review.Json.GetProperty("author").GetString());
        Assert.Equal("user", review.Json.GetProperty("source").GetString());
        Assert.False(string.IsNullOrEmpty(review.Json.GetProperty("baseSha").GetString()));
        var file = Assert.Single(review.Json.GetProperty("files").EnumerateArray());
        Assert.Equal("panels/counter.nxml", file.GetProperty("path").GetString());
        Assert.Contains("+<NexusPanel id=\"counter\" title=\"Tally\">", file.GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.True(review.Json.TryGetProperty("graphDiff", out var graphDiff) && graphDiff.TryGetProperty("changedEntities", out _));

        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal("applied", accepted.Json.GetProperty("status").GetString());
        Assert.Equal(Retitled("Tally"), live.Json.GetProperty("source").GetString());
        Assert.Equal("Tally", live.Json.GetProperty("meta").GetProperty("title").GetString());
        Assert.Equal(id, Assert.Single(applied.Json.GetProperty("proposals").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_proposal_with_a_panel_that_does_not_check_is_400_with_its_diagnostics_and_nothing_is_created()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}";

        var refused = await server.PostAsync(root + "/proposals", ada, new { title = "Broken", changes = new[] { new { path = "panels/broken.nxml", content = "<NexusPanel id=\"broken\">" } } });
        var empty = await server.PostAsync(root + "/proposals", ada, new { title = "Nothing", changes = Array.Empty<object>() });
        var neither = await server.PostAsync(root + "/proposals", ada, new { title = "Odd", changes = new[] { new { path = "notes.md" } } });
        var list = await server.GetAsync(root + "/proposals", ada);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("INVALID_NXML", refused.Code);
        Assert.Contains(refused.Json.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("file").GetString() == "panels/broken.nxml");
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(HttpStatusCode.BadRequest, neither.Status);
        Assert.Empty(list.Json.GetProperty("proposals").EnumerateArray());
    }

    [Fact]
    public async Task Accepting_a_proposal_that_no_longer_merges_is_409_and_leaves_the_panel_as_it_was()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}";
        await server.PostAsync(root + "/panels", ada, new { source = PanelsApiTests.Counter });
        var first = (await server.PostAsync(root + "/proposals", ada, Retitle("Tally"))).Json.GetProperty("id").GetString();
        var second = (await server.PostAsync(root + "/proposals", ada, Retitle("Score"))).Json.GetProperty("id").GetString();

        await server.PostAsync($"{root}/proposals/{first}/accept", ada, null);
        var conflict = await server.PostAsync($"{root}/proposals/{second}/accept", ada, null);
        var review = await server.GetAsync($"{root}/proposals/{second}", ada);
        var live = await server.GetAsync(root + "/panels/counter", ada);

        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal("CONFLICT", conflict.Code);
        Assert.Equal("conflicted", review.Json.GetProperty("status").GetString());
        Assert.Equal(Retitled("Tally"), live.Json.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Rejecting_is_for_the_owner_or_the_author_and_a_decided_proposal_cannot_be_decided_again()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var eve = await server.SignUpAsync("eve@example.org");
        var ed = await server.SignUpAsync("ed@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        await server.AddMemberAsync(ws, eve, WorkspaceRole.Editor);
        await server.AddMemberAsync(ws, ed, WorkspaceRole.Editor);
        var root = $"/api/workspaces/{ws}";
        await server.PostAsync(root + "/panels", ada, new { source = PanelsApiTests.Counter });
        var byEve = (await server.PostAsync(root + "/proposals", eve, Retitle("Tally"))).Json.GetProperty("id").GetString();
        var byEd = (await server.PostAsync(root + "/proposals", ed, Retitle("Score"))).Json.GetProperty("id").GetString();

        var notHers = await server.PostAsync($"{root}/proposals/{byEd}/reject", eve, null);
        var editorAccept = await server.PostAsync($"{root}/proposals/{byEve}/accept", eve, null);
        var withdrawn = await server.PostAsync($"{root}/proposals/{byEve}/reject", eve, null);
        var byOwner = await server.PostAsync($"{root}/proposals/{byEd}/reject", ada, null);
        var again = await server.PostAsync($"{root}/proposals/{byEd}/accept", ada, null);
        var unknown = await server.GetAsync($"{root}/proposals/000000000000", ada);
        var rejected = await server.GetAsync(root + "/proposals?status=rejected", ada);
        var badStatus = await server.GetAsync(root + "/proposals?status=maybe", ada);

        Assert.Equal(HttpStatusCode.Forbidden, notHers.Status);
        Assert.Equal(HttpStatusCode.Forbidden, editorAccept.Status);
        Assert.Equal("rejected", withdrawn.Json.GetProperty("status").GetString());
        Assert.Equal("rejected", byOwner.Json.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("INVALID_STATE", again.Code);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(2, rejected.Json.GetProperty("proposals").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.Status);
    }

    [Fact]
    public async Task Sync_is_503_when_no_ai_is_configured()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);

        var sync = await server.PostAsync($"/api/workspaces/{ws}/sync", ada, new { panelId = "counter" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, sync.Status);
        Assert.Equal("AI_NOT_CONFIGURED", sync.Code);
    }
}

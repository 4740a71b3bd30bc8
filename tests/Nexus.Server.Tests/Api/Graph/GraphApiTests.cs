using System.Net;
using Nexus.Server.Tests.Api.Panels;

namespace Nexus.Server.Tests.Api.Graph;

/// <summary>The NOG API through the real server: patches change the live graph, which every query then sees.</summary>
public sealed class GraphApiTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    /// <summary>alpha → beta (depends_on), beta → gamma (uses); delta stands alone.</summary>
    internal static object Chain(bool propose = false) => new
    {
        title = "A small chain",
        propose,
        patches = new object[]
        {
            new { kind = "entity", operation = "create", entity = new { id = "alpha", name = "Alpha", category = "concept", tags = new[] { "core" } } },
            new { kind = "entity", operation = "create", entity = new { id = "beta", name = "Beta", category = "data" } },
            new { kind = "entity", operation = "create", entity = new { id = "gamma", name = "Gamma", category = "data" } },
            new { kind = "entity", operation = "create", entity = new { id = "delta", name = "Delta", category = "resource" } },
            new { kind = "relationship", operation = "create", relationship = new { id = "r-ab", from = "alpha", to = "beta", type = "depends_on" } },
            new { kind = "relationship", operation = "create", relationship = new { id = "r-bg", from = "beta", to = "gamma", type = "uses" } },
        },
    };

    [Fact]
    public async Task Applied_patches_show_in_the_graph_search_entity_neighbours_and_path()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}/graph";
        var before = await server.GetAsync(root, ada);

        var applied = await server.PostAsync(root + "/patches", ada, Chain());
        var graph = await server.GetAsync(root, ada);
        var data = await server.GetAsync(root + "/entities?category=data", ada);
        var tagged = await server.GetAsync(root + "/entities?tag=core", ada);
        var text = await server.GetAsync(root + "/entities?q=gam", ada);
        var beta = await server.GetAsync(root + "/entities/beta", ada);
        var near = await server.GetAsync(root + "/neighbors/alpha?depth=2", ada);
        var path = await server.GetAsync(root + "/path?from=gamma&to=alpha", ada);

        Assert.Equal(HttpStatusCode.OK, applied.Status);
        Assert.True(applied.Json.GetProperty("succeeded").GetBoolean());
        Assert.Equal(6, applied.Json.GetProperty("appliedCount").GetInt32());

        Assert.True(graph.Json.GetProperty("version").GetInt64() > before.Json.GetProperty("version").GetInt64());
        Assert.Equal(["alpha", "beta", "delta", "gamma"], Ids(graph, "entities"));
        Assert.Equal(["r-ab", "r-bg"], Ids(graph, "relationships"));
        var alpha = graph.Json.GetProperty("entities")[0];
        Assert.Equal("concept", alpha.GetProperty("category").GetString());
        Assert.Equal("depends_on", graph.Json.GetProperty("relationships")[0].GetProperty("type").GetString());

        Assert.Equal(["beta", "gamma"], Ids(data, "entities"));
        Assert.Equal(["alpha"], Ids(tagged, "entities"));
        Assert.Equal(["gamma"], Ids(text, "entities"));

        Assert.Equal("Beta", beta.Json.GetProperty("name").GetString());
        Assert.Equal(["r-ab"], Ids(beta, "incoming"));
        Assert.Equal(["r-bg"], Ids(beta, "outgoing"));

        var neighbors = near.Json.GetProperty("neighbors").EnumerateArray().ToList();
        Assert.Equal(["beta", "gamma"], neighbors.Select(n => n.GetProperty("entity").GetProperty("id").GetString()));
        Assert.Equal([1, 2], neighbors.Select(n => n.GetProperty("depth").GetInt32()));
        Assert.Equal("r-bg", neighbors[1].GetProperty("via").GetString());

        Assert.Equal(HttpStatusCode.OK, path.Status);
        Assert.Equal(2, path.Json.GetProperty("length").GetInt32());
        Assert.Equal(["gamma", "beta", "alpha"], Ids(path, "entities"));
        Assert.Equal(["r-bg", "r-ab"], Ids(path, "relationships"));
    }

    [Fact]
    public async Task Unknown_entities_missing_paths_and_bad_queries_are_refused_with_codes()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}/graph";
        await server.PostAsync(root + "/patches", ada, Chain());

        var noPath = await server.GetAsync(root + "/path?from=alpha&to=delta", ada);
        var unknown = await server.GetAsync(root + "/entities/nope", ada);
        var unknownStart = await server.GetAsync(root + "/path?from=nope&to=alpha", ada);
        var tooDeep = await server.GetAsync(root + "/neighbors/alpha?depth=100000", ada);
        var badCategory = await server.GetAsync(root + "/entities?category=planet", ada);
        var missingTo = await server.GetAsync(root + "/path?from=alpha", ada);

        Assert.Equal(HttpStatusCode.NotFound, noPath.Status);
        Assert.Equal("PATH_NOT_FOUND", noPath.Code);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("ENTITY_NOT_FOUND", unknown.Code);
        Assert.Equal("ENTITY_NOT_FOUND", unknownStart.Code);
        Assert.Equal(HttpStatusCode.BadRequest, tooDeep.Status);
        Assert.Equal("INVALID_QUERY", tooDeep.Code);
        Assert.Equal("INVALID_QUERY", badCategory.Code);
        Assert.Equal("INVALID_QUERY", missingTo.Code);
    }

    [Fact]
    public async Task A_patch_set_that_does_not_apply_is_400_with_the_failing_patch_and_changes_nothing()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}/graph";
        var failing = new
        {
            patches = new object[]
            {
                new { id = "ok", kind = "entity", operation = "create", entity = new { id = "alpha", name = "Alpha" } },
                new { id = "bad", kind = "relationship", operation = "create", relationship = new { id = "r", from = "alpha", to = "ghost", type = "uses" } },
            },
        };

        var refused = await server.PostAsync(root + "/patches", ada, failing);
        var malformed = await server.PostAsync(root + "/patches", ada, new { patches = new[] { new { kind = "planet", operation = "create" } } });
        var graph = await server.GetAsync(root, ada);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.False(refused.Json.GetProperty("succeeded").GetBoolean());
        Assert.Equal("bad", refused.Json.GetProperty("failedPatchId").GetString());
        Assert.Equal(refused.Code, refused.Json.GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Empty(graph.Json.GetProperty("entities").EnumerateArray());
    }

    [Fact]
    public async Task Proposed_patches_become_a_proposal_and_reach_the_graph_only_when_accepted()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}";

        var proposed = await server.PostAsync(root + "/graph/patches", ada, Chain(propose: true));
        var id = proposed.Json.GetProperty("id").GetString();
        var pending = await server.GetAsync(root + "/graph", ada);
        var review = await server.GetAsync($"{root}/proposals/{id}", ada);
        var accepted = await server.PostAsync($"{root}/proposals/{id}/accept", ada, null);
        var after = await server.GetAsync(root + "/graph", ada);

        Assert.Equal(HttpStatusCode.Created, proposed.Status);
        Assert.Equal("pending", proposed.Json.GetProperty("status").GetString());
        Assert.Empty(pending.Json.GetProperty("entities").EnumerateArray());
        Assert.Equal("A small chain", review.Json.GetProperty("title").GetString());
        var diff = review.Json.GetProperty("graphDiff");
        Assert.Equal(["alpha", "beta", "delta", "gamma"], diff.GetProperty("addedEntities").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(2, diff.GetProperty("addedRelationships").GetArrayLength());
        Assert.Contains(review.Json.GetProperty("files").EnumerateArray(), f => f.GetProperty("path").GetString() == "graph/nog.json");
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal(["alpha", "beta", "delta", "gamma"], Ids(after, "entities"));
    }

    private static List<string?> Ids(ApiResponse response, string array) =>
        [.. response.Json.GetProperty(array).EnumerateArray().Select(e => e.GetProperty("id").GetString())];
}

using System.Net;
using Nexus.Server.Data;
using Nexus.Server.Tests.Api.Graph;
using Nexus.Server.Tests.Api.Panels;

namespace Nexus.Server.Tests.Api.Proposals;

/// <summary>Who may use which NOG and proposal route: 401 without a token, 404 for non-members (IDOR), 403 for a viewer's writes.</summary>
public sealed class GraphAndProposalsAccessTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    /// <summary>Every route, as (method, path under the workspace, body); <c>{id}</c> is a pending proposal.</summary>
    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> Routes(string id) =>
    [
        (HttpMethod.Get, "/graph", null),
        (HttpMethod.Get, "/graph/entities?category=data", null),
        (HttpMethod.Get, "/graph/entities/alpha", null),
        (HttpMethod.Get, "/graph/neighbors/alpha?depth=1", null),
        (HttpMethod.Get, "/graph/path?from=alpha&to=beta", null),
        (HttpMethod.Post, "/graph/patches", GraphApiTests.Chain(propose: true)),
        (HttpMethod.Post, "/proposals", ProposalsApiTests.Retitle("Tally")),
        (HttpMethod.Get, "/proposals", null),
        (HttpMethod.Get, $"/proposals/{id}", null),
        (HttpMethod.Post, $"/proposals/{id}/accept", null),
        (HttpMethod.Post, $"/proposals/{id}/reject", null),
        (HttpMethod.Post, "/sync", new { panelId = "counter" }),
    ];

    [Fact]
    public async Task Every_route_is_401_without_a_token_and_404_for_another_users_workspace()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var bob = await server.SignUpAsync("bob@example.org");
        var (root, id) = await SeedAsync(server, ada);

        foreach (var (method, path, body) in Routes(id))
        {
            var anonymous = await Send(server, method, root + path, null, body);
            var stranger = await Send(server, method, root + path, bob, body);

            Assert.True(anonymous.Status == HttpStatusCode.Unauthorized, $"{method} {path}: {anonymous.Status}");
            Assert.True(stranger.Status == HttpStatusCode.NotFound, $"{method} {path}: {stranger.Status}");
            Assert.Equal("WORKSPACE_NOT_FOUND", stranger.Code);
        }

        var review = await server.GetAsync($"{root}/proposals/{id}", ada);
        Assert.Equal("pending", review.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_viewer_reads_but_every_write_is_403()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var vic = await server.SignUpAsync("vic@example.org");
        var (root, id) = await SeedAsync(server, ada);
        await server.AddMemberAsync(root.Split('/')[3], vic, WorkspaceRole.Viewer);

        foreach (var (method, path, body) in Routes(id))
        {
            var response = await Send(server, method, root + path, vic, body);
            var expected = method == HttpMethod.Get ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(response.Status == expected, $"{method} {path}: {response.Status}");
        }

        var proposals = await server.GetAsync(root + "/proposals", ada);
        Assert.Equal(1, proposals.Json.GetProperty("proposals").GetArrayLength());
    }

    [Fact]
    public async Task Accepting_is_for_owners_unless_the_server_lets_editors_accept()
    {
        foreach (var (setting, expected) in new[] { ((string?)null, HttpStatusCode.Forbidden), ("Editor", HttpStatusCode.OK) })
        {
            using var data = new TestServerDataDirectory();
            var settings = setting is null ? [] : new Dictionary<string, string?> { ["Nexus:Api:Proposals:AcceptRole"] = setting };
            await using var server = new PanelsTestServer(data.Path, settings);
            var ada = await server.SignUpAsync("ada@example.org");
            var eve = await server.SignUpAsync("eve@example.org");
            var (root, id) = await SeedAsync(server, ada);
            await server.AddMemberAsync(root.Split('/')[3], eve, WorkspaceRole.Editor);

            var accept = await server.PostAsync($"{root}/proposals/{id}/accept", eve, null);

            Assert.True(accept.Status == expected, $"AcceptRole {setting ?? "(default)"}: {accept.Status}");
        }
    }

    [Fact]
    public async Task Viewers_can_never_be_made_acceptors()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var server = new PanelsTestServer(_data.Path, new Dictionary<string, string?> { ["Nexus:Api:Proposals:AcceptRole"] = "Viewer" });
        });

        Assert.Contains("Nexus:Api:Proposals:AcceptRole", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A workspace with the counter panel, the chain of <see cref="GraphApiTests.Chain"/> and one pending proposal.</summary>
    private static async Task<(string Root, string ProposalId)> SeedAsync(PanelsTestServer server, TestUser owner)
    {
        var root = $"/api/workspaces/{await server.CreateWorkspaceAsync(owner)}";
        await server.PostAsync(root + "/panels", owner, new { source = PanelsApiTests.Counter });
        Assert.Equal(HttpStatusCode.OK, (await server.PostAsync(root + "/graph/patches", owner, GraphApiTests.Chain())).Status);
        var proposal = await server.PostAsync(root + "/proposals", owner, ProposalsApiTests.Retitle("Tally"));
        return (root, proposal.Json.GetProperty("id").GetString()!);
    }

    private static Task<ApiResponse> Send(PanelsTestServer server, HttpMethod method, string path, TestUser? user, object? body) =>
        method == HttpMethod.Get ? server.GetAsync(path, user) : server.PostAsync(path, user, body);
}

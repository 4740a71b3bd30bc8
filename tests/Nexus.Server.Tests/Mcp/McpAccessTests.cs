using System.Net;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Nexus.Server.Data;
using Nexus.Server.Tests.Api.Panels;

namespace Nexus.Server.Tests.Mcp;

/// <summary>Who may use a workspace's MCP endpoint, and that a session serves only its own user and workspace.</summary>
public sealed class McpAccessTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Without_a_token_it_is_401_and_for_a_non_member_or_an_unknown_workspace_404()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var bob = await server.SignUpAsync("bob@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var initialize = new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { protocolVersion = "2025-11-25", capabilities = new { }, clientInfo = new { name = "t", version = "1" } } };

        var anonymous = await ApiCall.SendAsync(server.Client, HttpMethod.Post, McpTestClient.Path(ws), initialize, bearer: null);
        var stranger = await ApiCall.SendAsync(server.Client, HttpMethod.Post, McpTestClient.Path(ws), initialize, bob.Token);
        var unknown = await ApiCall.SendAsync(server.Client, HttpMethod.Post, McpTestClient.Path(Guid.NewGuid().ToString()), initialize, ada.Token);
        var malformed = await ApiCall.SendAsync(server.Client, HttpMethod.Post, McpTestClient.Path("not-a-workspace"), initialize, ada.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        foreach (var refused in new[] { stranger, unknown, malformed })
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.Status);
            Assert.Equal("WORKSPACE_NOT_FOUND", refused.Code);
        }

        var refusedClient = await Assert.ThrowsAsync<HttpRequestException>(() => McpTestClient.ConnectAsync(server, ws, bob));
        Assert.Equal(HttpStatusCode.NotFound, refusedClient.StatusCode);
        await using var owner = await McpTestClient.ConnectAsync(server, ws, ada);
        Assert.NotNull(owner.SessionId);
    }

    [Fact]
    public async Task A_personal_access_token_opens_a_session_like_an_access_token()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        await server.PostAsync($"/api/workspaces/{ws}/panels", ada, new { source = PanelsApiTests.Counter });
        var created = await server.PostAsync("/api/auth/tokens", ada, new { name = "mcp client" });
        var pat = new TestUser(ada.Id, created.Json.GetProperty("token").GetString()!);
        Assert.StartsWith("nxp_", pat.Token, StringComparison.Ordinal);

        await using var client = await McpTestClient.ConnectAsync(server, ws, pat);
        var call = await client.CallToolAsync("counter.inc", cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(call.IsError);
        var state = await server.GetAsync($"/api/workspaces/{ws}/panels/counter/state", ada);
        Assert.Equal(1, state.Json.GetProperty("state").GetProperty("count").GetDouble());
        var revoked = await server.DeleteAsync($"/api/auth/tokens/{created.Json.GetProperty("id").GetString()}", ada);
        Assert.Equal(HttpStatusCode.NoContent, revoked.Status);
        var afterRevoke = await McpTestClient.PostRawAsync(server, McpTestClient.Path(ws), pat, client.SessionId, client.NegotiatedProtocolVersion);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.Status);
    }

    [Fact]
    public async Task A_viewer_lists_tools_and_reads_resources_but_a_call_is_a_forbidden_error_result()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var vic = await server.SignUpAsync("vic@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        await server.AddMemberAsync(ws, vic, WorkspaceRole.Viewer);
        await server.PostAsync($"/api/workspaces/{ws}/panels", ada, new { source = PanelsApiTests.Counter });
        await using var client = await McpTestClient.ConnectAsync(server, ws, vic);
        var cancel = TestContext.Current.CancellationToken;

        var tools = await client.ListToolsAsync(cancellationToken: cancel);
        var state = await client.ReadResourceAsync($"nexus://workspaces/{ws}/panels/counter/state", cancellationToken: cancel);
        var call = await client.CallToolAsync("counter.inc", cancellationToken: cancel);

        Assert.Contains("counter.inc", tools.Select(t => t.Name));
        Assert.Contains("\"count\":0", Assert.IsType<TextResourceContents>(Assert.Single(state.Contents)).Text, StringComparison.Ordinal);
        Assert.True(call.IsError);
        var error = JsonDocument.Parse(Assert.IsType<TextContentBlock>(Assert.Single(call.Content)).Text).RootElement.GetProperty("error");
        Assert.Equal("FORBIDDEN", error.GetProperty("code").GetString());
        Assert.Contains("editor", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var after = await server.GetAsync($"/api/workspaces/{ws}/panels/counter/state", ada);
        Assert.Equal(0, after.Json.GetProperty("state").GetProperty("count").GetDouble());

        // Promoted while the session is open: the next call runs (roles are checked on every call).
        await server.AddMemberAsync(ws, vic, WorkspaceRole.Editor);
        var promoted = await client.CallToolAsync("counter.inc", cancellationToken: cancel);
        Assert.False(promoted.IsError);

        // Removed from the workspace: the open session is refused like a stranger's request.
        Assert.Equal(HttpStatusCode.NoContent, (await server.DeleteAsync($"/api/workspaces/{ws}/members/{vic.Id}", ada)).Status);
        var removed = await Assert.ThrowsAsync<HttpRequestException>(() => client.CallToolAsync("counter.inc", cancellationToken: cancel).AsTask());
        Assert.Equal(HttpStatusCode.NotFound, removed.StatusCode);
        var final = await server.GetAsync($"/api/workspaces/{ws}/panels/counter/state", ada);
        Assert.Equal(1, final.Json.GetProperty("state").GetProperty("count").GetDouble());
    }

    [Fact]
    public async Task A_session_is_refused_to_another_user_and_on_another_workspaces_url()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var eve = await server.SignUpAsync("eve@example.org");
        var lab = await server.CreateWorkspaceAsync(ada, "Lab");
        var home = await server.CreateWorkspaceAsync(ada, "Home");
        await server.AddMemberAsync(lab, eve, WorkspaceRole.Editor);
        await using var client = await McpTestClient.ConnectAsync(server, lab, ada);
        var session = client.SessionId!;
        var version = client.NegotiatedProtocolVersion;

        var own = await McpTestClient.PostRawAsync(server, McpTestClient.Path(lab), ada, session, version);
        var otherUser = await McpTestClient.PostRawAsync(server, McpTestClient.Path(lab), eve, session, version);
        var otherWorkspace = await McpTestClient.PostRawAsync(server, McpTestClient.Path(home), ada, session, version);

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains("\"id\":7", own.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherUser.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherWorkspace.Status);
        Assert.DoesNotContain("\"id\":7", otherUser.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\":7", otherWorkspace.Body, StringComparison.Ordinal);
    }
}

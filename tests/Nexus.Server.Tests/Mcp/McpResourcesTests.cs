using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Nexus.Server.Tests.Api.Panels;

namespace Nexus.Server.Tests.Mcp;

/// <summary>Each panel's state and source as MCP resources.</summary>
public sealed class McpResourcesTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task State_and_source_of_every_panel_are_listed_and_read()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        await server.PostAsync($"/api/workspaces/{ws}/panels", ada, new { source = PanelsApiTests.Counter });
        await server.PostAsync($"/api/workspaces/{ws}/panels/counter/tools/inc", ada, new { args = new { by = 5 } });
        await using var client = await McpTestClient.ConnectAsync(server, ws, ada);
        var cancel = TestContext.Current.CancellationToken;
        var stateUri = $"nexus://workspaces/{ws}/panels/counter/state";
        var sourceUri = $"nexus://workspaces/{ws}/panels/counter/source";

        var listed = await client.ListResourcesAsync(cancellationToken: cancel);
        var templates = await client.ListResourceTemplatesAsync(cancellationToken: cancel);
        var state = Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync(stateUri, cancellationToken: cancel)).Contents));
        var source = Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync(sourceUri, cancellationToken: cancel)).Contents));

        Assert.Equal([sourceUri, stateUri], listed.Select(r => r.Uri).Order(StringComparer.Ordinal));
        Assert.Equal("application/json", listed.Single(r => r.Uri == stateUri).MimeType);
        Assert.Equal(2, templates.Count);
        Assert.Equal(5, JsonDocument.Parse(state.Text).RootElement.GetProperty("state").GetProperty("count").GetDouble());
        Assert.Equal("application/json", state.MimeType);
        Assert.Equal(PanelsApiTests.Counter, source.Text);
    }

    [Fact]
    public async Task An_unknown_panel_another_workspaces_uri_or_a_foreign_uri_is_resource_not_found()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var other = await server.CreateWorkspaceAsync(ada, "Other");
        await server.PostAsync($"/api/workspaces/{other}/panels", ada, new { source = PanelsApiTests.Counter });
        await using var client = await McpTestClient.ConnectAsync(server, ws, ada);

        foreach (var uri in new[] { $"nexus://workspaces/{ws}/panels/counter/state", $"nexus://workspaces/{other}/panels/counter/state", $"nexus://workspaces/{ws}/panels/counter/log", "file:///etc/passwd" })
        {
            var refusal = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync(uri, cancellationToken: TestContext.Current.CancellationToken).AsTask());
            Assert.Equal(McpErrorCode.ResourceNotFound, refusal.ErrorCode);
        }
    }
}

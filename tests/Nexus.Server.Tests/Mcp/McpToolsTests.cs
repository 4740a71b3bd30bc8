using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Nexus.Server.Hosting;
using Nexus.Server.Tests.Api.Panels;

namespace Nexus.Server.Tests.Mcp;

/// <summary>Panel tools over MCP: listed as &lt;panelId&gt;.&lt;tool&gt; with their schemas, called with real effects.</summary>
public sealed class McpToolsTests : IDisposable
{
    internal const string Notes = """
        <NexusPanel id="notes" title="Notes">
          <Data>
            <State name="items" type="list" default="[]" />
          </Data>
          <Logic>
            <Tool name="add" description="Add a note">
              <Arg name="text" type="string" />
              <Handler>$state.items = [...$state.items, $args.text]; return { count: $state.items.length, last: $args.text };</Handler>
            </Tool>
          </Logic>
          <View><Text content="{$state.items.length}" /></View>
        </NexusPanel>
        """;

    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Every_panel_tool_is_listed_with_its_description_and_input_schema()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        await server.PostAsync($"/api/workspaces/{ws}/panels", ada, new { source = PanelsApiTests.Counter });
        await server.PostAsync($"/api/workspaces/{ws}/panels", ada, new { source = Notes });
        await using var client = await McpTestClient.ConnectAsync(server, ws, ada);

        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["counter.boom", "counter.inc", "notes.add"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        var inc = tools.Single(t => t.Name == "counter.inc");
        Assert.Equal("Count one more", inc.Description);
        Assert.Equal("number", inc.JsonSchema.GetProperty("properties").GetProperty("by").GetProperty("type").GetString());
        var add = tools.Single(t => t.Name == "notes.add");
        Assert.Equal("text", Assert.Single(add.JsonSchema.GetProperty("required").EnumerateArray()).GetString());
        Assert.True(client.ServerCapabilities.Tools?.ListChanged);
        Assert.True(client.ServerCapabilities.Resources?.ListChanged);
    }

    [Fact]
    public async Task A_call_changes_the_state_durably_and_returns_the_value_as_structured_content_with_the_mutations()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        await server.PostAsync($"/api/workspaces/{ws}/panels", ada, new { source = PanelsApiTests.Counter });
        await server.PostAsync($"/api/workspaces/{ws}/panels", ada, new { source = Notes });
        CallToolResult counted, noted;
        await using (var client = await McpTestClient.ConnectAsync(server, ws, ada))
        {
            counted = await client.CallToolAsync("counter.inc", new Dictionary<string, object?> { ["by"] = 3 }, cancellationToken: TestContext.Current.CancellationToken);
            noted = await client.CallToolAsync("notes.add", new Dictionary<string, object?> { ["text"] = "milk" }, cancellationToken: TestContext.Current.CancellationToken);
        }

        Assert.False(counted.IsError);
        Assert.Equal(3, counted.StructuredContent!.Value.GetProperty("result").GetDouble());
        var full = JsonDocument.Parse(Assert.IsType<TextContentBlock>(Assert.Single(counted.Content)).Text).RootElement;
        Assert.Equal("success", full.GetProperty("status").GetString());
        Assert.Equal(3, full.GetProperty("returnValue").GetDouble());
        var mutation = Assert.Single(full.GetProperty("mutations").EnumerateArray());
        Assert.Equal("count", mutation.GetProperty("key").GetString());
        Assert.Equal(3, mutation.GetProperty("value").GetDouble());

        Assert.False(noted.IsError);
        Assert.Equal(1, noted.StructuredContent!.Value.GetProperty("count").GetInt32());
        Assert.Equal("milk", noted.StructuredContent!.Value.GetProperty("last").GetString());

        // Read back over HTTP, then again after the workspace was flushed, closed and reopened from disk.
        var state = await server.GetAsync($"/api/workspaces/{ws}/panels/counter/state", ada);
        Assert.Equal(3, state.Json.GetProperty("state").GetProperty("count").GetDouble());
        var host = server.Services.GetRequiredService<WorkspaceHost>();
        await (await host.GetAsync(ws)).FlushAsync();
        await host.CloseAsync(ws);
        var reopened = await server.GetAsync($"/api/workspaces/{ws}/panels/counter/state", ada);
        var notes = await server.GetAsync($"/api/workspaces/{ws}/panels/notes/state", ada);
        Assert.Equal(3, reopened.Json.GetProperty("state").GetProperty("count").GetDouble());
        Assert.Equal("milk", Assert.Single(notes.Json.GetProperty("state").GetProperty("items").EnumerateArray()).GetString());
        var metrics = await server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("nexus_tool_executions_total{outcome=\"success\"} 2\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_handler_and_bad_arguments_are_error_results_and_an_unknown_tool_is_a_protocol_error()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        await server.PostAsync($"/api/workspaces/{ws}/panels", ada, new { source = PanelsApiTests.Counter });
        await using var client = await McpTestClient.ConnectAsync(server, ws, ada);
        var cancel = TestContext.Current.CancellationToken;

        var boom = await client.CallToolAsync("counter.boom", cancellationToken: cancel);
        var badType = await client.CallToolAsync("counter.inc", new Dictionary<string, object?> { ["by"] = "four" }, cancellationToken: cancel);
        var badName = await client.CallToolAsync("counter.inc", new Dictionary<string, object?> { ["step"] = 1 }, cancellationToken: cancel);
        var unknownTool = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("counter.nope", cancellationToken: cancel).AsTask());
        var unknownPanel = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("ghost.inc", cancellationToken: cancel).AsTask());
        var noDot = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("inc", cancellationToken: cancel).AsTask());

        Assert.True(boom.IsError);
        Assert.Null(boom.StructuredContent);
        var error = JsonDocument.Parse(Assert.IsType<TextContentBlock>(Assert.Single(boom.Content)).Text).RootElement.GetProperty("error");
        Assert.Equal("HANDLER_ERROR", error.GetProperty("code").GetString());
        Assert.Contains("kaput", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(badType.IsError);
        Assert.Contains("INVALID_ARGS", Text(badType), StringComparison.Ordinal);
        Assert.Contains("by", Text(badType), StringComparison.Ordinal);
        Assert.True(badName.IsError);
        Assert.Contains("has no argument 'step'", Text(badName), StringComparison.Ordinal);
        foreach (var refusal in new[] { unknownTool, unknownPanel, noDot })
        {
            Assert.Equal(McpErrorCode.InvalidParams, refusal.ErrorCode);
        }

        Assert.Contains("counter.nope", unknownTool.Message, StringComparison.Ordinal);
        // The failed runs count as executions (as over HTTP); the unknown names never ran.
        var metrics = await server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancel);
        Assert.Contains("nexus_tool_executions_total{outcome=\"error\"} 3\n", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("outcome=\"success\"", metrics, StringComparison.Ordinal);
        var state = await server.GetAsync($"/api/workspaces/{ws}/panels/counter/state", ada);
        Assert.Equal(HttpStatusCode.OK, state.Status);
        Assert.Equal(0, state.Json.GetProperty("state").GetProperty("count").GetDouble());
    }

    internal static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}

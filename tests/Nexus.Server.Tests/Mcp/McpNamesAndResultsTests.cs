using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Nexus.Reactor.Execution;
using Nexus.Server.Api.Mcp;

namespace Nexus.Server.Tests.Mcp;

/// <summary>Tool names, resource URIs and the shape of tool results, without a server.</summary>
public sealed class McpNamesAndResultsTests
{
    [Theory]
    [InlineData("counter.inc", "counter", "inc")]
    [InlineData("a.b.c", "a", "b.c")]
    public void A_tool_name_splits_at_its_first_dot(string name, string panelId, string tool)
    {
        Assert.True(McpNames.TryParseTool(name, out var parsedPanel, out var parsedTool));
        Assert.Equal((panelId, tool), (parsedPanel, parsedTool));
        Assert.Equal(name, McpNames.Tool(parsedPanel, parsedTool));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("inc")]
    [InlineData(".inc")]
    [InlineData("counter.")]
    public void A_name_without_both_parts_is_not_a_tool_name(string? name) =>
        Assert.False(McpNames.TryParseTool(name, out _, out _));

    [Fact]
    public void Resource_uris_round_trip_and_only_for_their_own_workspace()
    {
        var uri = McpNames.Resource("ws-1", "counter", PanelResourceKind.Source);

        Assert.Equal("nexus://workspaces/ws-1/panels/counter/source", uri);
        Assert.True(McpNames.TryParseResource(uri, "ws-1", out var panelId, out var kind));
        Assert.Equal(("counter", PanelResourceKind.Source), (panelId, kind));
        Assert.False(McpNames.TryParseResource(uri, "ws-2", out _, out _));
        foreach (var bad in new[] { "nexus://workspaces/ws-1/panels/counter/log", "nexus://workspaces/ws-1/panels//state", "nexus://workspaces/ws-1/panels/counter", "nexus://workspaces/ws-1/panels/a/b/state", null })
        {
            Assert.False(McpNames.TryParseResource(bad, "ws-1", out _, out _), bad);
        }
    }

    [Fact]
    public void A_non_object_return_value_is_wrapped_and_an_object_is_kept()
    {
        var list = McpToolResults.From(Result(new JsonArray(1, 2)));
        var none = McpToolResults.From(Result(null));
        var obj = McpToolResults.From(Result(new JsonObject { ["count"] = 2 }));

        Assert.Equal("[1,2]", list.StructuredContent!.Value.GetProperty("result").GetRawText());
        Assert.Equal(JsonValueKind.Null, none.StructuredContent!.Value.GetProperty("result").ValueKind);
        Assert.Equal("""{"count":2}""", obj.StructuredContent!.Value.GetRawText());
        var text = Assert.IsType<TextContentBlock>(Assert.Single(obj.Content)).Text;
        Assert.Equal(2, JsonDocument.Parse(text).RootElement.GetProperty("mutations")[0].GetProperty("value").GetInt32());
    }

    private static ToolResult Result(JsonNode? returnValue) =>
        new("inc", true, returnValue, [new StateMutation("count", 2)], [], [], [], null, 1);
}

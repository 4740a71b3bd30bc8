using System.Text.Json.Nodes;

namespace Nexus.Reactor.Execution;

/// <summary>A tool result as the JSON of §5 ("Results"), as the CLI, the API and the MCP endpoint return it.</summary>
public static class ToolResultJson
{
    public static JsonObject ToJson(this ToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var json = new JsonObject
        {
            ["tool"] = result.Tool,
            ["status"] = result.Status,
            ["returnValue"] = result.ReturnValue?.DeepClone(),
            ["mutations"] = new JsonArray([.. result.Mutations.Select(m => (JsonNode)new JsonObject { ["key"] = m.Key, ["value"] = m.Value?.DeepClone(), ["operation"] = m.Operation })]),
            ["computed"] = new JsonArray([.. result.Computed.Select(c => (JsonNode)new JsonObject { ["key"] = c.Key, ["value"] = c.Value?.DeepClone() })]),
            ["events"] = new JsonArray([.. result.Events.Select(e => (JsonNode)new JsonObject { ["name"] = e.Name, ["payload"] = e.Payload?.DeepClone() })]),
            ["viewUpdates"] = new JsonArray([.. result.ViewUpdates.Select(v => (JsonNode)new JsonObject { ["id"] = v.Id, ["kind"] = v.Kind, ["name"] = v.Name, ["value"] = v.Value?.DeepClone() })]),
            ["version"] = result.Version,
        };
        if (result.Error is { } error)
        {
            var errorJson = new JsonObject { ["code"] = error.Code, ["message"] = error.Message };
            if (error.Line is { } line)
            {
                errorJson["line"] = line;
                errorJson["column"] = error.Column;
            }

            json["error"] = errorJson;
        }

        return json;
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Nexus.Reactor.Execution;

namespace Nexus.Server.Api.Mcp;

/// <summary>
/// How a tool result reaches an MCP client. <c>structuredContent</c> is the tool's return value — an object as it is,
/// any other value (or none) wrapped as <c>{"result": value}</c>, since structured content must be an object — and
/// one text block holds the JSON of the whole result (<c>tool, status, returnValue, mutations, computed, events,
/// viewUpdates, version, error</c>), the same JSON as the HTTP tool endpoint answers. A failed handler is
/// <c>isError: true</c> with the same text block (its <c>error</c> says why) and no structured content.
/// </summary>
internal static class McpToolResults
{
    /// <summary>The text is read by models and people, not embedded in HTML: quotes and apostrophes stay as they are.</summary>
    private static readonly JsonSerializerOptions TextJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static CallToolResult From(ToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var json = result.ToJson();
        if (!result.Succeeded)
        {
            return Error(json);
        }

        var structured = result.ReturnValue is JsonObject value ? value.DeepClone() : new JsonObject { ["result"] = result.ReturnValue?.DeepClone() };
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = json.ToJsonString(TextJson) }],
            StructuredContent = ToElement(structured),
            IsError = false,
        };
    }

    /// <summary>A call that was refused before the tool ran (no role, panel not running): an error result shaped like a failed one.</summary>
    public static CallToolResult Refused(string tool, string code, string message) => Error(new JsonObject
    {
        ["tool"] = tool,
        ["status"] = "error",
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
    });

    private static CallToolResult Error(JsonObject json) => new()
    {
        Content = [new TextContentBlock { Text = json.ToJsonString(TextJson) }],
        IsError = true,
    };

    private static JsonElement ToElement(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}

using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Nexus.Nxml.Schema;
using Nexus.Server.Api.Panels;
using Nexus.Server.Data;
using Nexus.Server.Errors;
using Nexus.Server.Quotas;
using Nexus.Workspace;
using Nexus.Workspace.Hosting;

namespace Nexus.Server.Api.Mcp;

/// <summary>
/// <c>tools/list</c> and <c>tools/call</c> of one workspace's MCP server. Every tool of every running panel is listed
/// as <c>&lt;panelId&gt;.&lt;tool&gt;</c> with its description and input schema (§10); a failed panel's tools are not
/// listed, since they cannot run. Calls go through <see cref="PanelToolCalls"/> like the HTTP tool endpoint.
/// </summary>
internal sealed class WorkspaceMcpTools(string workspaceId)
{
    public async ValueTask<ListToolsResult> ListAsync(RequestContext<ListToolsRequestParams> request, CancellationToken cancellationToken)
    {
        var context = await McpRequestAccess.RequireAsync(request, workspaceId, cancellationToken).ConfigureAwait(false);
        return new ListToolsResult
        {
            Tools = [.. context.Live.Panels
                .Where(p => p.Status == PanelStatus.Running)
                .SelectMany(p => PanelJsonViews.Tools(p).Select(t => Describe(p, t)))],
        };
    }

    /// <summary>
    /// An unknown name (no such panel or tool) is a protocol error (invalid params). A viewer's call is refused with an
    /// error result (<c>FORBIDDEN</c>) before anything runs, as is a call to a panel that does not run
    /// (<c>PANEL_FAILED</c>); a handler that fails is an error result with the runtime's code (bad arguments:
    /// <c>INVALID_ARGS</c>, naming the argument).
    /// </summary>
    public async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Params?.Name;
        if (!McpNames.TryParseTool(name, out var panelId, out var tool))
        {
            throw UnknownTool(name);
        }

        var context = await McpRequestAccess.RequireAsync(request, workspaceId, cancellationToken).ConfigureAwait(false);
        if (context.Role < WorkspaceRole.Editor)
        {
            return McpToolResults.Refused(tool, ErrorCodes.Forbidden, "calling a tool needs the editor role in the workspace");
        }

        if (await request.Services!.GetRequiredService<StorageQuota>().RefusalAsync(context.Record.OwnerId, cancellationToken: cancellationToken).ConfigureAwait(false) is { } full)
        {
            return McpToolResults.Refused(tool, ErrorCodes.StorageLimit, full);
        }

        try
        {
            var result = await PanelToolCalls.CallAsync(context.Live, panelId, tool, Arguments(request.Params)).ConfigureAwait(false);
            return McpToolResults.From(result);
        }
        catch (WorkspaceException exception) when (exception.Code == WorkspaceErrorCodes.PanelNotFound)
        {
            throw UnknownTool(name);
        }
        catch (ApiException exception) when (exception.Code == ErrorCodes.ToolNotFound)
        {
            throw UnknownTool(name);
        }
        catch (WorkspaceException exception)
        {
            return McpToolResults.Refused(tool, exception.Code, exception.Message);
        }
    }

    private static Tool Describe(HostedPanel panel, ToolDescription tool) => new()
    {
        Name = McpNames.Tool(panel.PanelId, tool.Name),
        Title = $"{panel.Title ?? panel.PanelId}: {tool.Name}",
        Description = tool.Description,
        InputSchema = tool.InputSchema,
    };

    private static JsonObject? Arguments(CallToolRequestParams? parameters) =>
        parameters?.Arguments is { } arguments
            ? new JsonObject(arguments.Select(a => KeyValuePair.Create(a.Key, JsonNode.Parse(a.Value.GetRawText()))))
            : null;

    private static McpProtocolException UnknownTool(string? name) => new($"Unknown tool: '{name}'", McpErrorCode.InvalidParams);
}

using System.Text.Json.Nodes;
using Nexus.Reactor.Execution;
using Nexus.Server.Errors;
using Nexus.Workspace;
using Nexus.Workspace.Hosting;

namespace Nexus.Server.Api.Panels;

/// <summary>
/// The one way a panel's tool is called from outside the workspace (the HTTP tool endpoint and the MCP endpoint):
/// the panel must exist (PANEL_NOT_FOUND), the tool must be declared by it (TOOL_NOT_FOUND) and the panel must run
/// (PANEL_FAILED); a handler that fails is a result with status error, not an exception. Access (role and storage
/// quota) is the caller's job; the workspace reports every execution to the metrics itself.
/// </summary>
internal static class PanelToolCalls
{
    /// <summary>Whether <paramref name="panel"/>'s source declares a tool named <paramref name="tool"/>.</summary>
    private static bool Declares(HostedPanel panel, string tool) =>
        panel.Document.Panel?.Tools.Any(t => string.Equals(t.Name, tool, StringComparison.Ordinal)) == true;

    /// <summary>Runs <paramref name="tool"/> of panel <paramref name="panelId"/>; returns once its committed mutations are durable.</summary>
    public static Task<ToolResult> CallAsync(NexusWorkspace workspace, string panelId, string tool, JsonNode? args)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var panel = workspace.GetPanel(panelId);
        if (!Declares(panel, tool))
        {
            throw new ApiException(ErrorCodes.ToolNotFound, $"panel '{panel.PanelId}' has no tool '{tool}'");
        }

        return panel.CallAsync(tool, args);
    }
}

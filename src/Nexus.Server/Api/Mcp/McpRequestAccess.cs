using ModelContextProtocol;
using ModelContextProtocol.Server;
using Nexus.Server.Data;
using Nexus.Workspace;

namespace Nexus.Server.Api.Mcp;

/// <summary>
/// Checks access again inside every MCP request, against the user of that request: a role taken away while a session
/// is open counts from the next call on. (The HTTP gate checked membership already; this also yields the role.)
/// </summary>
internal static class McpRequestAccess
{
    public static async Task<WorkspaceContext> RequireAsync(MessageContext request, string workspaceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var services = request.Services ?? throw new InvalidOperationException("MCP requests run with the server's services");
        var user = request.User ?? throw new McpProtocolException("the request carries no signed-in user", McpErrorCode.InvalidRequest);
        try
        {
            return await services.GetRequiredService<WorkspaceAccess>().RequireAsync(user, workspaceId, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkspaceException exception) when (exception.Code == WorkspaceErrorCodes.NotFound)
        {
            throw new McpProtocolException("no such workspace", McpErrorCode.InvalidRequest);
        }
    }
}

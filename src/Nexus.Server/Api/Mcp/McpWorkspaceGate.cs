using Nexus.Server.Data;
using Nexus.Server.Errors;

namespace Nexus.Server.Api.Mcp;

/// <summary>Marks the endpoints of the MCP transport, so that <see cref="McpWorkspaceGate"/> guards exactly them.</summary>
internal sealed class McpWorkspaceEndpoint;

/// <summary>
/// Runs before the MCP transport on every request to <c>/api/workspaces/{ws}/mcp</c> (after authentication, so an
/// anonymous request is already 401). A malformed id, an unknown workspace and a workspace the caller is not a
/// member of are 404 <c>WORKSPACE_NOT_FOUND</c> (<see cref="WorkspaceAccess"/>); a request naming a session that
/// another user opened, or that was opened on another workspace's URL, is 404 <c>NOT_FOUND</c> as if the session did
/// not exist. The checked <see cref="WorkspaceContext"/> is left for the session's set-up.
/// </summary>
internal sealed class McpWorkspaceGate(RequestDelegate next)
{
    /// <summary>The header of the Streamable HTTP transport that names the session.</summary>
    public const string SessionHeader = "Mcp-Session-Id";

    private static readonly object ContextKey = new();

    /// <summary>The workspace context the gate checked for this request.</summary>
    public static WorkspaceContext ContextOf(HttpContext http) =>
        http.Items[ContextKey] as WorkspaceContext ?? throw new InvalidOperationException("the MCP workspace gate did not run for this request");

    public async Task InvokeAsync(HttpContext http, WorkspaceAccess access, McpSessions sessions)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<McpWorkspaceEndpoint>() is null)
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var workspaceId = http.Request.RouteValues["ws"] as string ?? "";
        var context = await access.RequireAsync(http.User, workspaceId, WorkspaceRole.Viewer, http.RequestAborted).ConfigureAwait(false);
        var sessionId = http.Request.Headers[SessionHeader].ToString();
        if (sessionId.Length > 0 && sessions.Find(sessionId) is { } binding
            && (binding.WorkspaceId != context.Record.Id || binding.UserId != context.UserId))
        {
            throw new ApiException(ErrorCodes.NotFound, "no such MCP session");
        }

        http.Items[ContextKey] = context;
        await next(http).ConfigureAwait(false);
    }
}

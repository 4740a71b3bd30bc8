using System.Security.Claims;
using Nexus.Server.Data;
using Nexus.Server.Errors;
using Nexus.Server.Operations;
using Nexus.Server.Quotas;

namespace Nexus.Server.Api.Realtime;

/// <summary>The WebSocket of one panel, <c>GET /api/workspaces/{ws}/panels/{p}/ws</c> (<c>api.md</c> "WebSocket: one panel").</summary>
public static class PanelSocketApi
{
    /// <summary>
    /// Adds the WebSocket middleware and maps the panel socket. Viewers may connect and listen; TRIGGER and SET need
    /// the editor role. Access is checked before the upgrade, so a refusal is an ordinary problem-details response.
    /// The limits come from <see cref="PanelSocketOptions.SectionName"/> and are validated here (at start-up).
    /// </summary>
    public static WebApplication MapPanelSocketApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = new PanelSocketOptions();
        app.Configuration.GetSection(PanelSocketOptions.SectionName).Bind(options);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("invalid panel socket settings: " + string.Join("; ", problems));
        }

        // Keep-alive is the protocol's own PING/PONG (the client must answer it), so the transport's is off.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.MapGroup("/api/workspaces/{ws}/panels").RequireAuthorization().WithTags("Panels")
            .MapGet("/{p}/ws", (string ws, string p, HttpContext http, ClaimsPrincipal user, WorkspaceAccess access, StorageQuota storage, NexusMetrics metrics, TimeProvider time) =>
                ConnectAsync(ws, p, http, user, access, storage, options, metrics, time));
        return app;
    }

    private static async Task ConnectAsync(string ws, string p, HttpContext http, ClaimsPrincipal user, WorkspaceAccess access, StorageQuota storage, PanelSocketOptions options, NexusMetrics metrics, TimeProvider time)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Viewer, http.RequestAborted).ConfigureAwait(false);
        var panel = context.Live.GetPanel(p);
        if (!http.WebSockets.IsWebSocketRequest)
        {
            throw new ApiException(ErrorCodes.BadRequest, "this endpoint only accepts a WebSocket upgrade");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var ownerId = context.Record.OwnerId;
        using var session = new PanelSocketSession(socket, panel, context.Role, () => storage.RefusalAsync(ownerId), options, time, http.RequestAborted);
        metrics.WebSocketConnectionsChanged(+1);
        try
        {
            await session.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            metrics.WebSocketConnectionsChanged(-1);
        }
    }
}

using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Nexus.Workspace;

namespace Nexus.Server.Api.Mcp;

/// <summary>
/// Runs one MCP session from start to end: registers it in <see cref="McpSessions"/> and listens to its workspace's
/// <see cref="NexusWorkspace.PanelsChanged"/> (a panel added, edited, reloaded or removed) to send
/// <c>notifications/tools/list_changed</c> and <c>notifications/resources/list_changed</c>; when the session ends
/// (closed by the client, idle timeout, shutdown) both are undone, so a closed session leaves nothing behind.
/// </summary>
internal sealed partial class McpSessionRunner(McpSessions sessions, ILogger<McpSessionRunner> logger)
{
    /// <summary>
    /// The transport calls this synchronously while it creates the session, so the session is registered and listening
    /// before the client learns its id.
    /// </summary>
    public async Task RunAsync(HttpContext http, McpServer server, CancellationToken sessionClosed)
    {
        ArgumentNullException.ThrowIfNull(server);
        var context = McpWorkspaceGate.ContextOf(http);
        var sessionId = server.SessionId ?? throw new InvalidOperationException("a stateful MCP session has an id");
        var workspace = context.Live;
        sessions.Open(sessionId, new McpSessionBinding(context.Record.Id, context.UserId));
        void OnPanelsChanged(string panelId) => _ = Task.Run(() => AnnounceAsync(server, sessionId, sessionClosed), CancellationToken.None);
        workspace.PanelsChanged += OnPanelsChanged;
        try
        {
            await server.RunAsync(sessionClosed).ConfigureAwait(false);
        }
        finally
        {
            workspace.PanelsChanged -= OnPanelsChanged;
            sessions.Close(sessionId);
        }
    }

    /// <summary>Runs off the workspace's thread (the event is raised inside panel operations), and never throws.</summary>
    private async Task AnnounceAsync(McpServer server, string sessionId, CancellationToken sessionClosed)
    {
        try
        {
            await server.SendNotificationAsync(NotificationMethods.ToolListChangedNotification, sessionClosed).ConfigureAwait(false);
            await server.SendNotificationAsync(NotificationMethods.ResourceListChangedNotification, sessionClosed).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (sessionClosed.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A notification that cannot be delivered (the client went away) must not surface anywhere else.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogAnnounceFailed(logger, exception, sessionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP session {SessionId}: a list_changed notification was not delivered")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception, string sessionId);
}

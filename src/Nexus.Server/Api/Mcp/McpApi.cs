using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Nexus.Server.Api.Mcp;

/// <summary>
/// The MCP endpoint of every workspace, <c>/api/workspaces/{ws}/mcp</c> (<c>api.md</c> "MCP"): Streamable HTTP with
/// stateful sessions, so <c>list_changed</c> notifications reach the client. One transport serves all workspaces;
/// each session gets its own handlers bound to the workspace of the URL that opened it.
/// </summary>
public static class McpApi
{
    /// <summary>The route of a workspace's MCP endpoint.</summary>
    public const string Route = "/api/workspaces/{ws}/mcp";

    /// <summary>Registers the MCP server and its Streamable HTTP transport (stateful sessions).</summary>
    public static IServiceCollection AddMcpApi(this IServiceCollection services)
    {
        services.AddSingleton<McpSessions>();
        services.AddSingleton<McpSessionRunner>();
        services.AddMcpServer(options => options.ServerInfo = new Implementation
            {
                Name = "nexus",
                Version = typeof(McpApi).Assembly.GetName().Version?.ToString() ?? "1.0.0",
            })
            .WithHttpTransport(transport =>
            {
                transport.SessionMode = HttpServerSessionMode.Stateful;
                transport.ConfigureSessionOptions = (http, options, _) =>
                {
                    ConfigureSession(options, McpWorkspaceGate.ContextOf(http));
                    return Task.CompletedTask;
                };
#pragma warning disable MCPEXP002 // The SDK's hook around a session's whole lifetime: where list_changed is wired up and torn down.
                transport.RunSessionHandler = (http, server, sessionClosed) =>
                    http.RequestServices.GetRequiredService<McpSessionRunner>().RunAsync(http, server, sessionClosed);
#pragma warning restore MCPEXP002
            });
        return services;
    }

    /// <summary>
    /// Maps the endpoint (POST, GET and DELETE of the transport) behind authentication and <see cref="McpWorkspaceGate"/>.
    /// </summary>
    public static WebApplication MapMcpApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<McpWorkspaceGate>();
        app.MapMcp(Route).RequireAuthorization().WithMetadata(new McpWorkspaceEndpoint());
        return app;
    }

    private static void ConfigureSession(McpServerOptions options, WorkspaceContext context)
    {
        var workspaceId = WorkspaceAccess.HostId(context.Record.Id);
        var tools = new WorkspaceMcpTools(workspaceId);
        var resources = new WorkspaceMcpResources(workspaceId);
        options.ServerInstructions =
            $"The panels of the Nexus workspace '{context.Record.Name}'. Tools are named <panelId>.<tool>; each panel's "
            + "state and NXML source are resources. The lists change when panels are added, edited or removed.";
        options.Capabilities = new ServerCapabilities
        {
            Tools = new ToolsCapability { ListChanged = true },
            Resources = new ResourcesCapability { ListChanged = true },
        };
        options.Handlers.ListToolsHandler = tools.ListAsync;
        options.Handlers.CallToolHandler = tools.CallAsync;
        options.Handlers.ListResourcesHandler = resources.ListAsync;
        options.Handlers.ListResourceTemplatesHandler = WorkspaceMcpResources.ListTemplatesAsync;
        options.Handlers.ReadResourceHandler = resources.ReadAsync;
    }
}

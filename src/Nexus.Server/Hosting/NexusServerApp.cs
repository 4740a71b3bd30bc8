using Nexus.Server.Api.Graph;
using Nexus.Server.Api.Mcp;
using Nexus.Server.Api.Panels;
using Nexus.Server.Api.Proposals;
using Nexus.Server.Api.Realtime;
using Nexus.Server.Api.Workspaces;
using Nexus.Server.Identity;
using Nexus.Server.Operations;
using Nexus.Server.Studio;

namespace Nexus.Server.Hosting;

/// <summary>
/// The whole server — services, middleware, every API area and GraphStudio at <c>/</c> — built from command-line arguments. Both entry
/// points use it: the server's own <c>Program</c> (<c>dotnet run --project src/Nexus.Server</c>) and <c>nexus serve</c>.
/// </summary>
public static class NexusServerApp
{
    public static WebApplication Build(string[] args)
    {
        // Named after this assembly whichever program runs it (nexus serve too), so the static web assets
        // manifests (Nexus.Server.staticwebassets.*.json: MudBlazor, the Studio, blazor.web.js) are found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(NexusServerApp).Assembly.GetName().Name });

        // From a build output the assets are read where the build left them, in every environment (a no-op when
        // published: they are in wwwroot then).
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddNexusServer(builder.Configuration);

        var app = builder.Build();
        app.UseNexusServer();
        app.MapOpenApi();
        app.MapOperationsApi();
        app.MapAuthApi();
        app.MapWorkspacesApi();
        app.MapPanelsApi();
        app.MapGraphApi();
        app.MapProposalsApi();
        app.MapPanelSocketApi();
        app.MapMcpApi();
        app.MapStudioApplication();
        return app;
    }
}

using Nexus.Server.Api.Graph;
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
        var builder = WebApplication.CreateBuilder(args);
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
        app.MapStudioApplication();
        return app;
    }
}

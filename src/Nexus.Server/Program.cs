using Nexus.Server.Api.Graph;
using Nexus.Server.Api.Mcp;
using Nexus.Server.Api.Panels;
using Nexus.Server.Api.Proposals;
using Nexus.Server.Api.Realtime;
using Nexus.Server.Api.Workspaces;
using Nexus.Server.Hosting;
using Nexus.Server.Identity;
using Nexus.Server.Operations;

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
app.MapMcpApi();
app.Run();

/// <summary>The server's entry point (public for the tests' WebApplicationFactory).</summary>
public partial class Program;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nexus.Graph;
using Nexus.Nxml;
using Nexus.Nxml.Diagnostics;
using Nexus.Server.Hosting;
using Nexus.Server.Operations;
using Nexus.Workspace;
using Nexus.Workspace.Proposals;

namespace Nexus.Server.Tests;

/// <summary>
/// The server's composition (<c>AddNexusServer</c>, <c>UseNexusServer</c>, <c>MapOperationsApi</c>) on real Kestrel at
/// 127.0.0.1 (a free port), in the Development environment, plus test-only endpoints that fail in known ways.
/// </summary>
internal sealed class TestServerHost : IAsyncDisposable
{
    public const string SecretMessage = "connection string Password=hunter2 in /srv/secret.txt";

    private readonly WebApplication _app;

    private TestServerHost(WebApplication app, Uri address, TestServerLog log)
    {
        _app = app;
        Log = log;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    /// <summary>Every message the server logged.</summary>
    public TestServerLog Log { get; }

    public static Task<TestServerHost> StartAsync(string dataDirectory, long maxRequestBodyBytes = 1024) =>
        StartAsync(new Dictionary<string, string?>
        {
            ["Nexus:DataDirectory"] = dataDirectory,
            ["Nexus:MaxRequestBodyBytes"] = maxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>Starts the composition with these settings (start-up failures surface here, as they would in Program).</summary>
    public static async Task<TestServerHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        var log = new TestServerLog();
        builder.Logging.AddProvider(log);
        builder.Services.AddNexusServer(builder.Configuration);
        var app = builder.Build();
        app.UseNexusServer();
        app.MapOperationsApi();
        MapFailures(app);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TestServerHost(app, new Uri(address), log);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static void MapFailures(WebApplication app)
    {
        var tests = app.MapGroup("/test");
        tests.MapGet("/throw", string () => throw new InvalidOperationException(SecretMessage));
        tests.MapGet("/panel-not-found", string () => throw new WorkspaceException(WorkspaceErrorCodes.PanelNotFound, "no panel 'ghost' in this workspace"));
        tests.MapGet("/panel-exists", string () => throw new WorkspaceException(WorkspaceErrorCodes.PanelExists, "panel 'counter' exists"));
        tests.MapGet("/invalid-nxml", string () =>
        {
            var document = NxmlDocument.Check("<NexusPanel><Data><State name=\"x\" type=\"nope\" /></Data></NexusPanel>");
            throw new WorkspaceException(WorkspaceErrorCodes.InvalidNxml, "the panel does not check clean", document.Diagnostics);
        });
        tests.MapGet("/graph-duplicate", string () => throw new GraphException(GraphErrorCodes.DuplicateId, "entity 'e1' exists"));
        tests.MapGet("/graph-missing", string () => throw new GraphException(GraphErrorCodes.EntityNotFound, "no entity 'e9'"));
        tests.MapGet("/proposal-conflict", string () => throw new ProposalConflictException("proposal p1 no longer merges cleanly"));
        tests.MapGet("/proposal-invalid", string () =>
        {
            var document = NxmlDocument.Check("<NexusPanel><Data><State name=\"x\" type=\"nope\" /></Data></NexusPanel>");
            throw new ProposalInvalidException("a changed panel does not check clean", new Dictionary<string, IReadOnlyList<Diagnostic>> { ["panels/x.nxml"] = document.Diagnostics });
        });
        tests.MapGet("/unknown-code", string () => throw new WorkspaceException("SOMETHING_NEW", "a refusal this server has no status for"));
        tests.MapPost("/echo", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            return Results.Ok(new { length = buffer.Length });
        });
    }
}

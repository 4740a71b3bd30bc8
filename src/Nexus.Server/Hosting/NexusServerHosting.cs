using Nexus.Server.Api.Mcp;
using Nexus.Server.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nexus.Server.Errors;
using Nexus.Server.Identity;
using Nexus.Server.Operations;
using Nexus.Server.Studio;
using Nexus.Workspace;

namespace Nexus.Server.Hosting;

/// <summary>The server's composition: <see cref="AddNexusServer"/> registers its services, <see cref="UseNexusServer"/> its middleware.</summary>
public static partial class NexusServerHosting
{
    /// <summary>
    /// Registers the server: options (<c>Nexus</c> section, validated at start-up), problem details and the exception
    /// handler, the workspace host, readiness probes, metrics, OpenAPI, identity (authentication, auth rate limit) and
    /// GraphStudio, the web UI.
    /// </summary>
    public static IServiceCollection AddNexusServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(NexusServerOptions.SectionName);
        services.AddOptions<NexusServerOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<NexusServerOptions>, NexusServerOptionsSetup>();
        services.AddSingleton<IValidateOptions<NexusServerOptions>, NexusServerOptionsValidator>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<NexusServerOptions>>((kestrel, nexus) => kestrel.Limits.MaxRequestBodySize = nexus.Value.MaxRequestBodyBytes);

        services.AddNexusProblemDetails();
        services.AddOpenApi();

        services.AddHostedService<PlatformDatabaseMigrator>();
        services.TryAddSingleton(sp => WorkspaceOptions.Default with
        {
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
            Observer = sp.GetRequiredService<NexusMetrics>(),
            Templates = StarterPanels.All,
        });
        services.AddSingleton<WorkspaceHost>();
        services.AddScoped<Api.WorkspaceAccess>();
        services.AddSingleton<Quotas.StorageQuota>();
        services.AddSingleton<Quotas.OwnerLocks>();
        services.AddScoped<Quotas.PanelQuota>();
        services.AddScoped<Quotas.AccountUsage>();
        services.AddScoped<Api.Workspaces.WorkspaceLifecycle>();
        services.AddSingleton(sp => Api.Proposals.ProposalsApiOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<Api.Proposals.ProposalDecisions>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkspaceHost>());
        services.AddHostedService<ProposalExpirySweeper>();

        services.AddSingleton<ReadinessCheck>();
        services.AddSingleton<IReadinessProbe, StorageReadinessProbe>();
        services.AddSingleton<IReadinessProbe, WorkspaceHostReadinessProbe>();
        services.AddMetrics();
        services.AddSingleton<NexusMetrics>();
        services.AddSingleton<PrometheusExposition>();

        // The platform database: migrated by a hosted service registered before the workspace host (hosted services
        // start in order, all before requests are served), and asked by /health/ready.
        services.AddPlatformData(configuration, NexusServerOptions.ResolveDataDirectory(section[nameof(NexusServerOptions.DataDirectory)]));
        services.AddSingleton<IReadinessProbe, DatabaseReadinessProbe>();
        services.AddNexusIdentity(configuration);
        services.AddMcpApi();
        services.AddStudioApplication();
        return services;
    }

    /// <summary>
    /// The middleware: problem details for exceptions and for bare error statuses (unknown routes), the request body
    /// limit, authentication, authorization, antiforgery (the UI's forms), rate limiting, and a start-up line naming the listening address(es).
    /// </summary>
    public static WebApplication UseNexusServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();

        // The metrics listener starts with the app, not with the first scrape, so nothing recorded before it is lost.
        app.Services.GetRequiredService<PrometheusExposition>();
        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
        return app;
    }

    private static void AnnounceAddresses(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Nexus.Server");
        foreach (var address in addresses)
        {
            LogRunning(logger, address);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nexus is running at {Address}")]
    private static partial void LogRunning(ILogger logger, string address);
}

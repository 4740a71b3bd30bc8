using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Nexus.Server.Hosting;
using Nexus.Studio;
using Nexus.Studio.Account;
using Nexus.Studio.Platform;
using Nexus.Studio.Shell;

namespace Nexus.Server.Studio;

/// <summary>
/// GraphStudio inside the server: the Blazor app at <c>/</c> (interactive server rendering), its account forms and
/// the ports it talks to the platform through (implemented here on the services the HTTP API uses).
/// </summary>
public static class StudioHosting
{
    /// <summary>
    /// Registers the app and its ports. The keys that protect the sign-in cookie and the antiforgery tokens live in
    /// <c>&lt;data&gt;/secrets/data-protection</c>, so a restart on the same data directory keeps people signed in.
    /// </summary>
    public static IServiceCollection AddStudioApplication(this IServiceCollection services)
    {
        services.AddGraphStudio();
        services.AddSingleton<IStudioAccounts, StudioAccounts>();
        services.AddSingleton<IStudioWorkspaces, StudioWorkspaces>();
        services.AddSingleton<IStudioAccountSettings, StudioAccountSettings>();
        services.AddSingleton<IStudioProposals, StudioProposals>();
        services.AddDataProtection().SetApplicationName("Nexus");

        // The folder comes from the validated options when the keys are first needed, not at registration: a bad
        // data directory must fail start-up with the options' message.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<NexusServerOptions>, ILoggerFactory>((keys, nexus, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(KeyDirectory(Path.Combine(nexus.Value.DataDirectory, "secrets", "data-protection")), logs));
        return services;
    }

    /// <summary>The key folder, readable by the server's user only (the keys are stored unencrypted, like the JWT signing key).</summary>
    private static DirectoryInfo KeyDirectory(string path) =>
        OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    /// <summary>Maps the app's static assets, its pages (with the interactive server render mode) and its account forms.</summary>
    public static WebApplication MapStudioApplication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapStudioAccount(Identity.IdentityServiceCollectionExtensions.RateLimitPolicy);
        return app;
    }
}

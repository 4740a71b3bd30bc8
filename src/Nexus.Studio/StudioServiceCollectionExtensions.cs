using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Nexus.Studio.Rendering;

namespace Nexus.Studio;

/// <summary>Registers what the Studio's components need.</summary>
public static class StudioServiceCollectionExtensions
{
    /// <summary>
    /// MudBlazor's services and the <see cref="ComponentRegistry"/> (the Standard Component Library, plus what
    /// <paramref name="components"/> registers). The host also links <c>_content/Nexus.Studio/nxml.css</c> and
    /// MudBlazor's assets, and renders a <c>MudSnackbarProvider</c> for toasts.
    /// </summary>
    public static IServiceCollection AddNexusStudio(this IServiceCollection services, Action<ComponentRegistry>? components = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = new ComponentRegistry();
        components?.Invoke(registry);
        services.AddMudServices();
        services.AddSingleton(registry);
        return services;
    }

    /// <summary>
    /// The whole application (<see cref="AddNexusStudio"/>, Razor components with interactive server rendering and
    /// the authentication state for them). The host supplies the platform ports
    /// (<see cref="Platform.IStudioAccounts"/>, <see cref="Platform.IStudioWorkspaces"/>) and the cookie scheme
    /// <see cref="Account.StudioAuthentication.Scheme"/>.
    /// </summary>
    public static IServiceCollection AddGraphStudio(this IServiceCollection services)
    {
        services.AddNexusStudio();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        return services;
    }
}

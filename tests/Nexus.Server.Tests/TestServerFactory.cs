using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Nexus.Server.Tests;

/// <summary>
/// The real server (Program) on a test server, with its data in <paramref name="dataDirectory"/> and optional extra
/// service registrations (a failing probe, other workspace options).
/// </summary>
internal sealed class TestServerFactory(string dataDirectory, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Nexus:DataDirectory", dataDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}

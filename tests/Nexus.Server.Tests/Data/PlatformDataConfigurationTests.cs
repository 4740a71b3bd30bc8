using Microsoft.Extensions.Configuration;
using Nexus.Server.Data;

namespace Nexus.Server.Tests.Data;

public sealed class PlatformDataConfigurationTests
{
    [Fact]
    public void Sqlite_is_the_default_with_platform_db_in_the_data_directory()
    {
        var options = PlatformDataServiceCollectionExtensions.ResolveOptions(Configuration([]), "/srv/nexus-data");

        Assert.Equal(PlatformDatabaseProvider.Sqlite, options.Provider);
        Assert.Contains("/srv/nexus-data/platform.db", options.ConnectionString);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_a_clear_configuration_error()
    {
        var error = Assert.Throws<PlatformDataException>(() =>
            PlatformDataServiceCollectionExtensions.ResolveOptions(Configuration(new() { ["Nexus:Database:Provider"] = "Postgres" }), "data"));

        Assert.Equal(PlatformDataError.Configuration, error.Error);
        Assert.Contains("ConnectionStrings:Platform", error.Message);
    }

    [Fact]
    public void Postgres_uses_the_platform_connection_string_and_unknown_providers_are_refused()
    {
        var options = PlatformDataServiceCollectionExtensions.ResolveOptions(Configuration(new()
        {
            ["Nexus:Database:Provider"] = "postgres",
            ["ConnectionStrings:Platform"] = "Host=db;Database=nexus",
        }), "data");
        Assert.Equal((PlatformDatabaseProvider.Postgres, "Host=db;Database=nexus"), (options.Provider, options.ConnectionString));

        var error = Assert.Throws<PlatformDataException>(() =>
            PlatformDataServiceCollectionExtensions.ResolveOptions(Configuration(new() { ["Nexus:Database:Provider"] = "MySql" }), "data"));
        Assert.Equal(PlatformDataError.Configuration, error.Error);
        Assert.Contains("MySql", error.Message);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}

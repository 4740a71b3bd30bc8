using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Data;
using Nexus.Server.Tests.Postgres;

namespace Nexus.Server.Tests.Data;

/// <summary>A platform database for one test class: migrated once, plus fresh ones and "restarted" service providers on request.</summary>
public abstract class PlatformTestDatabase : IAsyncLifetime
{
    private readonly List<ServiceProvider> providers = [];

    /// <summary>Services on the class's migrated database.</summary>
    public ServiceProvider Services { get; private set; } = null!;

    /// <summary>A new service provider on the class's database, as a restarted server would build it.</summary>
    public ServiceProvider BuildServices() => Track(Build(SharedSettings));

    /// <summary>A service provider on a new, empty database (nothing migrated).</summary>
    public async Task<ServiceProvider> BuildServicesOnEmptyDatabaseAsync() => Track(Build(await NewDatabaseSettingsAsync()));

    public virtual async ValueTask InitializeAsync()
    {
        SharedSettings = await NewDatabaseSettingsAsync();
        Services = BuildServices();
        await PlatformDatabase.MigrateAsync(Services);
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var provider in providers)
            await provider.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<DatabaseSettings> NewDatabaseSettingsAsync();

    private DatabaseSettings SharedSettings { get; set; } = null!;

    private static ServiceProvider Build(DatabaseSettings settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Configuration).Build();
        return new ServiceCollection().AddPlatformData(configuration, settings.DataDirectory).BuildServiceProvider();
    }

    private ServiceProvider Track(ServiceProvider provider)
    {
        providers.Add(provider);
        return provider;
    }

    protected sealed record DatabaseSettings(Dictionary<string, string?> Configuration, string DataDirectory);
}

/// <summary>SQLite files in a temp directory (the default provider: only the data directory is configured).</summary>
public sealed class SqlitePlatformTestDatabase : PlatformTestDatabase
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "nexus-data-" + Guid.NewGuid().ToString("N")[..12]);
    private int databases;

    protected override Task<DatabaseSettings> NewDatabaseSettingsAsync()
    {
        // The data directory does not exist yet: migrating must create it.
        var dataDirectory = Path.Combine(root, $"data{Interlocked.Increment(ref databases)}");
        return Task.FromResult(new DatabaseSettings([], dataDirectory));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
    }
}

/// <summary>Databases on a private PostgreSQL server started for the test class.</summary>
public sealed class PostgresPlatformTestDatabase : PlatformTestDatabase
{
    private readonly PostgresDatabaseFixture server = new();
    private readonly string unusedDataDirectory = Path.Combine(Path.GetTempPath(), "nexus-unused-" + Guid.NewGuid().ToString("N")[..12]);

    public override async ValueTask InitializeAsync()
    {
        await server.InitializeAsync();
        TestContext.Current.SendDiagnosticMessage($"PostgreSQL started in {server.StartDuration.TotalMilliseconds:F0} ms");
        await base.InitializeAsync();
    }

    protected override async Task<DatabaseSettings> NewDatabaseSettingsAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        return new DatabaseSettings(new()
        {
            [PlatformDataServiceCollectionExtensions.ProviderKey] = "Postgres",
            ["ConnectionStrings:" + PlatformDataServiceCollectionExtensions.ConnectionStringName] = connectionString,
        }, unusedDataDirectory);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await server.DisposeAsync();
    }
}

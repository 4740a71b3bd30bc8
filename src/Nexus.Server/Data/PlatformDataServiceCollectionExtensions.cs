using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Nexus.Server.Data;

/// <summary>Registers the platform database and its stores.</summary>
public static class PlatformDataServiceCollectionExtensions
{
    /// <summary>The configuration key naming the provider (<c>Sqlite</c> or <c>Postgres</c>).</summary>
    public const string ProviderKey = "Nexus:Database:Provider";

    /// <summary>The connection string's name (<c>ConnectionStrings:Platform</c>), required for PostgreSQL.</summary>
    public const string ConnectionStringName = "Platform";

    /// <summary>
    /// Registers <see cref="PlatformDbContext"/> (scoped, on the configured provider), the stores (<see cref="UserStore"/>,
    /// <see cref="RefreshTokenStore"/>, <see cref="AccessTokenStore"/>, <see cref="WorkspaceStore"/>, <see cref="PlanStore"/>;
    /// scoped) and <see cref="PlatformDatabaseOptions"/>. Migrations are not applied here: the host calls
    /// <see cref="PlatformDatabase.MigrateAsync"/> once at start-up, before it serves requests.
    /// </summary>
    /// <exception cref="PlatformDataException">The provider is unknown, or PostgreSQL is chosen without a connection string.</exception>
    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = ResolveOptions(configuration, dataDirectory);
        services.AddSingleton(options);
        if (options.Provider == PlatformDatabaseProvider.Sqlite)
        {
            services.AddDbContext<SqlitePlatformDbContext>(db => db.UseSqlite(options.ConnectionString));
            services.AddScoped<PlatformDbContext>(provider => provider.GetRequiredService<SqlitePlatformDbContext>());
        }
        else
        {
            services.AddDbContext<PostgresPlatformDbContext>(db => db.UseNpgsql(options.ConnectionString));
            services.AddScoped<PlatformDbContext>(provider => provider.GetRequiredService<PostgresPlatformDbContext>());
        }

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<UserStore>();
        services.AddScoped<RefreshTokenStore>();
        services.AddScoped<AccessTokenStore>();
        services.AddScoped<WorkspaceStore>();
        services.AddScoped<PlanStore>();
        return services;
    }

    /// <summary>Reads the provider and connection string; the SQLite file is <c>platform.db</c> in <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="PlatformDataException">The configuration is incomplete or wrong (<see cref="PlatformDataError.Configuration"/>).</exception>
    public static PlatformDatabaseOptions ResolveOptions(IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerName = configuration[ProviderKey];
        PlatformDatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerName))
            provider = PlatformDatabaseProvider.Sqlite;
        else if (!Enum.TryParse(providerName.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider))
            throw new PlatformDataException(PlatformDataError.Configuration,
                $"{ProviderKey} is '{providerName}'; expected 'Sqlite' or 'Postgres'.");

        if (provider == PlatformDatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new PlatformDataException(PlatformDataError.Configuration,
                    $"{ProviderKey} is 'Postgres' but ConnectionStrings:{ConnectionStringName} is not set; " +
                    "set it (e.g. ConnectionStrings__Platform='Host=db;Database=nexus;Username=nexus;Password=…').");
            return new PlatformDatabaseOptions { Provider = provider, ConnectionString = connectionString };
        }

        if (string.IsNullOrWhiteSpace(dataDirectory))
            throw new PlatformDataException(PlatformDataError.Configuration, "The data directory (Nexus:DataDirectory) is empty.");
        var file = Path.Combine(Path.GetFullPath(dataDirectory), PlatformDatabaseOptions.SqliteFileName);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true };
        return new PlatformDatabaseOptions { Provider = provider, ConnectionString = sqlite.ToString() };
    }
}

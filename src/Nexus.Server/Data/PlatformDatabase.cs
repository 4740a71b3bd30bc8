using Microsoft.EntityFrameworkCore;

namespace Nexus.Server.Data;

/// <summary>Brings the platform database up to date at start-up.</summary>
public static class PlatformDatabase
{
    /// <summary>
    /// Applies the pending migrations of the configured provider (creating the SQLite file and its directory when
    /// missing). The host calls this once after building the app and before serving requests; it is safe to call
    /// again (nothing is pending then).
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<PlatformDatabaseOptions>();
        var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (options.Provider == PlatformDatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            var directory = Path.GetDirectoryName(file);
            if (!string.IsNullOrEmpty(directory))
                Directory.CreateDirectory(directory);
        }

        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (options.Provider == PlatformDatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers run while a request writes; the mode is stored in the file.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }
}

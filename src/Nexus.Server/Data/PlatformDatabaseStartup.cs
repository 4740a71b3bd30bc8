using Nexus.Server.Operations;

namespace Nexus.Server.Data;

/// <summary>Applies the platform database's migrations when the host starts, before it serves a request.</summary>
internal sealed class PlatformDatabaseMigrator(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => PlatformDatabase.MigrateAsync(services, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Ready when the platform database answers.</summary>
internal sealed class DatabaseReadinessProbe(IServiceScopeFactory scopes) : IReadinessProbe
{
    public string Name => "database";

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await database.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
            ? ReadinessResult.Ready
            : ReadinessResult.NotReady("the platform database does not answer");
    }
}

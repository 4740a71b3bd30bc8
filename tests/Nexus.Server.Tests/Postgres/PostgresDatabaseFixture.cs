namespace Nexus.Server.Tests.Postgres;

/// <summary>A private PostgreSQL server for one test class, with one database made for it (more on request).</summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private PostgresServer? server;
    private int databases;

    public PostgresServer Server => server ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>How long initdb and start took (for the report on test cost).</summary>
    public TimeSpan StartDuration { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        server = await PostgresServer.StartAsync();
        StartDuration = started.Elapsed;
    }

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync() =>
        Server.CreateDatabaseAsync($"nexus_test_{Interlocked.Increment(ref databases)}");

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
    }
}

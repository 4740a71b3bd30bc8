namespace Nexus.Server.Data;

/// <summary>Which database the platform uses, resolved from configuration by <see cref="PlatformDataServiceCollectionExtensions.AddPlatformData"/>.</summary>
public sealed record PlatformDatabaseOptions
{
    /// <summary>The SQLite file's name inside the data directory.</summary>
    public const string SqliteFileName = "platform.db";

    /// <summary>The provider (configuration <c>Nexus:Database:Provider</c>; default <see cref="PlatformDatabaseProvider.Sqlite"/>).</summary>
    public required PlatformDatabaseProvider Provider { get; init; }

    /// <summary>The ADO.NET connection string: the SQLite file in the data directory, or <c>ConnectionStrings:Platform</c> for PostgreSQL.</summary>
    public required string ConnectionString { get; init; }
}

/// <summary>The database engines the platform database runs on.</summary>
public enum PlatformDatabaseProvider
{
    /// <summary>A file <c>platform.db</c> in <c>Nexus:DataDirectory</c>: nothing to install, one server process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database named by <c>ConnectionStrings:Platform</c>: for several server processes.</summary>
    Postgres,
}

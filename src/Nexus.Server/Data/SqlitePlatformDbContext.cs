using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Nexus.Server.Data;

/// <summary>The platform database on SQLite (migrations in <c>Data/Migrations/Sqlite</c>).</summary>
public sealed class SqlitePlatformDbContext : PlatformDbContext
{
    public SqlitePlatformDbContext(DbContextOptions<SqlitePlatformDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no date-time type: EF stores DateTimeOffset as text it cannot compare or order in SQL.
        // As UTC ticks (an integer) the expiry and lockout comparisons run in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

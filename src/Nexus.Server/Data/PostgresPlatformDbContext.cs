using Microsoft.EntityFrameworkCore;

namespace Nexus.Server.Data;

/// <summary>The platform database on PostgreSQL (migrations in <c>Data/Migrations/Postgres</c>).</summary>
public sealed class PostgresPlatformDbContext : PlatformDbContext
{
    public PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options)
        : base(options)
    {
    }
}

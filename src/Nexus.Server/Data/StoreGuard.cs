using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Nexus.Server.Data;

/// <summary>Argument checks and error recognition shared by the stores, so every store refuses bad input the same way.</summary>
internal static class StoreGuard
{
    public static string Text(string? value, string name, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new PlatformDataException(PlatformDataError.InvalidInput, $"{name} is empty.");
        var trimmed = value.Trim();
        return trimmed.Length <= maxLength
            ? trimmed
            : throw new PlatformDataException(PlatformDataError.InvalidInput, $"{name} is longer than {maxLength} characters.");
    }

    public static string OptionalText(string? value, string name, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length <= maxLength
            ? trimmed
            : throw new PlatformDataException(PlatformDataError.InvalidInput, $"{name} is longer than {maxLength} characters.");
    }

    /// <summary>True when the save failed on a unique index or primary key (another writer got there first).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>True when the save failed on a foreign key (the referenced row does not exist).</summary>
    public static bool IsForeignKeyViolation(DbUpdateException exception) => exception.InnerException switch
    {
        // SQLITE_CONSTRAINT_FOREIGNKEY (787).
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 787,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };
}

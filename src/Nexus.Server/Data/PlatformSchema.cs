namespace Nexus.Server.Data;

/// <summary>Column sizes of the platform database. Changing one needs a migration for each provider.</summary>
public static class PlatformSchema
{
    /// <summary>The longest email address (RFC 5321: 64 + 1 + 255).</summary>
    public const int EmailLength = 320;

    /// <summary>The longest display name, workspace name, plan name or token name.</summary>
    public const int NameLength = 200;

    /// <summary>The longest workspace description.</summary>
    public const int DescriptionLength = 2_000;

    /// <summary>The longest password hash (self-describing formats carry algorithm and parameters).</summary>
    public const int PasswordHashLength = 512;

    /// <summary>The longest token hash (<see cref="TokenHasher.Hash"/> gives 64 characters).</summary>
    public const int TokenHashLength = 128;

    /// <summary>The longest plan id.</summary>
    public const int PlanIdLength = 64;
}

namespace Nexus.Server.Data;

/// <summary>The limits a user's account runs with. The default <c>free</c> plan is seeded by the initial migration.</summary>
public sealed class Plan
{
    /// <summary>The id of the seeded plan every new user gets.</summary>
    public const string FreeId = "free";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>How many workspaces the user may own.</summary>
    public int MaxWorkspaces { get; set; }

    /// <summary>How many panels one workspace may hold.</summary>
    public int MaxPanelsPerWorkspace { get; set; }

    /// <summary>How many bytes of workspace storage the user may use.</summary>
    public long StorageBytes { get; set; }

    /// <summary>How many LLM tokens the user may spend per calendar month (UTC).</summary>
    public long MonthlyTokens { get; set; }

    /// <summary>The seeded <c>free</c> plan: 3 workspaces, 20 panels each, 100 MiB, 100,000 tokens a month.</summary>
    public static Plan CreateFree() => new()
    {
        Id = FreeId,
        Name = "Free",
        MaxWorkspaces = 3,
        MaxPanelsPerWorkspace = 20,
        StorageBytes = 100L * 1024 * 1024,
        MonthlyTokens = 100_000,
    };
}

namespace Nexus.Server.Data;

/// <summary>A workspace's platform record (its files live in the workspace's Git repository, not here).</summary>
public sealed class WorkspaceRecord
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The user who created the workspace; also an <see cref="WorkspaceRole.Owner"/> member.</summary>
    public Guid OwnerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

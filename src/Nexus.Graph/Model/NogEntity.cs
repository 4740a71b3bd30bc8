using System.Collections.Immutable;

namespace Nexus.Graph;

/// <summary>
/// A node of the NOG: a concept, component, piece of data, action, ... Immutable; the graph replaces it whole
/// on update. Equality compares every field (tags in order, properties deeply).
/// </summary>
public sealed record NogEntity
{
    /// <summary>Unique in the graph (ordinal). Derived entities use <c>panel:&lt;id&gt;</c>, <c>state:&lt;panel&gt;/&lt;name&gt;</c>, ...</summary>
    public required string Id { get; init; }

    /// <summary>What people call it; not empty.</summary>
    public required string Name { get; init; }

    public EntityCategory Category { get; init; } = EntityCategory.Concept;

    public EntityStatus Status { get; init; } = EntityStatus.Draft;

    public string? Description { get; init; }

    /// <summary>The panel this entity comes from or belongs to, when any.</summary>
    public string? SourcePanel { get; init; }

    /// <summary>Free tags; tag queries match them case-insensitively.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    public NogProperties Properties { get; init; } = NogProperties.Empty;

    /// <summary>Set by the patch applier when a patch creates the entity; null for derived entities.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Set by the patch applier when a patch creates or updates the entity; null for derived entities.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>1 when created; the patch applier adds one on every update.</summary>
    public long Version { get; init; } = 1;

    public bool Equals(NogEntity? other) =>
        other is not null && EntityFields.Changed(this, other, includeBookkeeping: true).Count == 0;

    public override int GetHashCode() => HashCode.Combine(Id, Name, Category, Status, Version);

    internal void Validate(NogGraphOptions options)
    {
        Require(GraphIds.IsValid(Id, options.MaxIdLength), $"an entity id must be 1 to {options.MaxIdLength} characters without control characters (got '{GraphIds.Show(Id)}')");
        Require(!string.IsNullOrWhiteSpace(Name), $"entity '{Id}' needs a name");
        Require(NogNames.IsDefined(Category), $"entity '{Id}' has an undefined category ({(int)Category})");
        Require(NogNames.IsDefined(Status), $"entity '{Id}' has an undefined status ({(int)Status})");
        Require(!Tags.IsDefault && Tags.All(t => !string.IsNullOrWhiteSpace(t)), $"entity '{Id}' has an empty tag");
        Require(Properties is not null, $"entity '{Id}' has null properties (use NogProperties.Empty)");
        Require(Version >= 1, $"entity '{Id}' has version {Version}; versions start at 1");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new GraphException(GraphErrorCodes.InvalidEntity, message);
        }
    }
}

using System.Collections.Immutable;

namespace Nexus.Graph;

/// <summary>
/// A filter over entities; every given criterion must hold. <see cref="Text"/> matches a case-insensitive
/// substring of the name, description or a tag; <see cref="Tag"/> a whole tag, case-insensitively.
/// </summary>
public sealed record EntityQuery
{
    public EntityCategory? Category { get; init; }

    public string? Tag { get; init; }

    /// <summary>The entity's <see cref="NogEntity.SourcePanel"/> (exact).</summary>
    public string? Panel { get; init; }

    public string? Text { get; init; }
}

/// <summary>An entity reached by a neighbour query: how many relationships away, and the one it was reached through.</summary>
public sealed record Neighbor(NogEntity Entity, int Depth, NogRelationship Via);

/// <summary>
/// How a shortest path may travel. By default relationships are followed in both directions (the NOG's
/// relationships come in inverse pairs, contains/part_of, uses/used_by, so direction rarely matters for "how
/// are these related"); <see cref="Directed"/> follows them only from <c>from</c> to <c>to</c>.
/// </summary>
public sealed record PathOptions
{
    public static readonly PathOptions Default = new();

    public bool Directed { get; init; }

    /// <summary>Only relationships of these types; null or empty means every type.</summary>
    public IReadOnlySet<RelationshipType>? Types { get; init; }
}

/// <summary>
/// A shortest path: <see cref="Entities"/> from the start to the end, and <see cref="Relationships"/>[i] joining
/// entity i and i+1 (in either direction unless the search was directed). A path from an entity to itself has
/// one entity and no relationship.
/// </summary>
public sealed record GraphPath(ImmutableArray<NogEntity> Entities, ImmutableArray<NogRelationship> Relationships)
{
    /// <summary>The number of relationships along the path.</summary>
    public int Length => Relationships.Length;
}
